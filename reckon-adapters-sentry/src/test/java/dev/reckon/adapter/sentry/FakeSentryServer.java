package dev.reckon.adapter.sentry;

import io.sentry.EnvelopeReader;
import io.sentry.JsonSerializer;
import io.sentry.SentryEnvelope;
import io.sentry.SentryEnvelopeItem;
import io.sentry.SentryEvent;
import io.sentry.SentryItemType;
import io.sentry.SentryOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * A Sentry ingestion endpoint on 127.0.0.1 that accepts every envelope and keeps its decompressed
 * body. Events are read back with the SDK's own envelope parser.
 */
public final class FakeSentryServer implements AutoCloseable {

  private final MockWebServer server = new MockWebServer();
  private final List<byte[]> envelopes = new CopyOnWriteArrayList<>();
  private final JsonSerializer serializer = new JsonSerializer(new SentryOptions());

  private FakeSentryServer() {}

  public static FakeSentryServer start() throws IOException {
    FakeSentryServer fake = new FakeSentryServer();
    fake.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            fake.envelopes.add(decompressedBody(request));
            return new MockResponse(200, Headers.of(), "{}");
          }
        });
    fake.server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
    return fake;
  }

  /** Returns a DSN that sends to this server, with a fake public key and project 1. */
  public String dsn() {
    return "http://fakepublickey@127.0.0.1:" + server.getPort() + "/1";
  }

  /** Returns every envelope received so far as text, one after the other. */
  public String receivedText() {
    StringBuilder text = new StringBuilder();
    envelopes.forEach(body -> text.append(new String(body, StandardCharsets.UTF_8)).append('\n'));
    return text.toString();
  }

  /** Returns the event items of every envelope received so far. */
  public List<SentryEvent> events() throws Exception {
    List<SentryEvent> events = new ArrayList<>();
    for (byte[] body : envelopes) {
      SentryEnvelope envelope = new EnvelopeReader(serializer).read(new ByteArrayInputStream(body));
      if (envelope == null) {
        throw new IllegalStateException("the fake Sentry server received an unreadable envelope");
      }
      for (SentryEnvelopeItem item : envelope.getItems()) {
        if (item.getHeader().getType() == SentryItemType.Event) {
          events.add(item.getEvent(serializer));
        }
      }
    }
    return events;
  }

  @Override
  public void close() {
    server.close();
  }

  private static byte[] decompressedBody(RecordedRequest request) {
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    if (!"gzip".equalsIgnoreCase(request.getHeaders().get("Content-Encoding"))) {
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Envelope body is not valid gzip", e);
    }
  }
}
