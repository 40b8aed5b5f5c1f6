package dev.reckon.adapter.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads oversized bodies through the hardened client. A counting interceptor between OkHttp's gzip
 * decoding and the size limit measures how many decoded bytes the limit let out of the stream.
 */
class ResponseSizeLimitInterceptorTest {

  private static final int CAP = 64 * 1024;

  /** Okio moves data in segments of this many bytes, so a read past the cap adds at most this. */
  private static final int SEGMENT = 8192;

  private final MockWebServer server = new MockWebServer();
  private final DecodedByteCounter counter = new DecodedByteCounter();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void gzipBombFixtureIsValidGzip() throws Exception {
    Buffer compressed = GzipBomb.zeros(3);

    long decoded = 0;
    boolean allZero = true;
    try (InputStream in = new GZIPInputStream(compressed.inputStream())) {
      byte[] chunk = new byte[SEGMENT];
      for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
        decoded += read;
        for (int i = 0; i < read; i++) {
          allZero &= chunk[i] == 0;
        }
      }
    }

    assertThat(decoded).isEqualTo(3L * GzipBomb.MEBIBYTE);
    assertThat(allZero).isTrue();
  }

  @Test
  void gzipBombFailsAfterCapPlusOneSegment() throws Exception {
    Buffer bomb = GzipBomb.zeros(1024);
    assertThat(bomb.size()).isLessThan(2L * GzipBomb.MEBIBYTE);
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Encoding", "gzip")
            .body(bomb)
            .build());

    long start = System.nanoTime();
    Throwable failure = readBody(client());
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(failure)
        .isInstanceOf(ResponseTooLargeException.class)
        .hasMessage("response body exceeds the limit of 65536 bytes");
    assertThat(counter.bytes.get()).isGreaterThan(CAP).isLessThanOrEqualTo(CAP + SEGMENT);
    assertThat(counter.headers.get("Content-Encoding")).isNull();
    assertThat(server.takeRequest().getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
    assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void oversizeChunkedBodyFails() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .chunkedBody(" ".repeat(GzipBomb.MEBIBYTE), 4096)
            .build());

    Throwable failure = readBody(client());

    assertThat(failure).isInstanceOf(ResponseTooLargeException.class);
    assertThat(counter.bytes.get()).isGreaterThan(CAP).isLessThanOrEqualTo(CAP + SEGMENT);
  }

  @Test
  void bodyOfExactlyTheCapIsRead() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).chunkedBody("x".repeat(CAP), 4096).build());

    try (Response response = client().newCall(get(server.url("/").toString())).execute()) {
      assertThat(response.body().bytes()).hasSize(CAP);
    }
  }

  @Test
  void declaredLengthOverCapFailsBeforeReading() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("x".repeat(CAP + 1)).build());

    try (Response response = client().newCall(get(server.url("/").toString())).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(catchThrowable(() -> response.body().bytes()))
          .isInstanceOf(ResponseTooLargeException.class);
    }
    assertThat(counter.bytes.get()).isZero();
  }

  @Test
  void bytesAfterContentLengthAreIgnored() throws Exception {
    String head = "HTTP/1.1 200 OK\r\nContent-Length: 16\r\nConnection: close\r\n\r\n";
    try (RawLoopbackServer raw = new RawLoopbackServer(socket -> respond(socket, head, true))) {
      try (Response response = client().newCall(get(raw.url("http", "/").toString())).execute()) {
        assertThat(response.body().bytes()).hasSize(16);
      }
    }
    assertThat(counter.bytes.get()).isEqualTo(16);
  }

  @Test
  void chunkedBodyIgnoresContentLength() throws Exception {
    String head =
        "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n"
            + "Connection: close\r\n\r\n";
    try (RawLoopbackServer raw = new RawLoopbackServer(socket -> respond(socket, head, false))) {
      Throwable failure = readBody(client(), raw.url("http", "/").toString());

      assertThat(failure).isInstanceOf(ResponseTooLargeException.class);
    }
    assertThat(counter.bytes.get()).isGreaterThan(CAP).isLessThanOrEqualTo(CAP + SEGMENT);
  }

  private OkHttpClient client() {
    HttpClientSettings settings = ProviderTestSupport.testSettings().withMaxResponseBytes(CAP);
    // An application interceptor added last runs after the size limit and before OkHttp's own
    // interceptors, so the body it wraps is the decoded one the limit reads from.
    return HardenedHttpClient.create(settings)
        .okHttp()
        .newBuilder()
        .addInterceptor(counter)
        .build();
  }

  private Throwable readBody(OkHttpClient client) {
    return readBody(client, server.url("/").toString());
  }

  private static Throwable readBody(OkHttpClient client, String url) {
    return catchThrowable(
        () -> {
          try (Response response = client.newCall(get(url)).execute()) {
            response.body().bytes();
          }
        });
  }

  private static Request get(String url) {
    return new Request.Builder().url(url).build();
  }

  /**
   * Writes the head, then 4 MiB of body: raw bytes, or 4 KiB chunks when {@code raw} is false.
   * Writing stops without error once the client closes the connection.
   */
  private static void respond(java.net.Socket socket, String head, boolean raw) throws IOException {
    RawLoopbackServer.readRequestHead(socket);
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    byte[] chunk = "y".repeat(4096).getBytes(StandardCharsets.ISO_8859_1);
    byte[] chunkHead = "1000\r\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] lineEnd = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < 1024; i++) {
      if (!raw) {
        out.write(chunkHead);
      }
      out.write(chunk);
      if (!raw) {
        out.write(lineEnd);
      }
    }
    if (!raw) {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    out.flush();
  }

  /** Counts the bytes read from the decoded response body and keeps the decoded headers. */
  private static final class DecodedByteCounter implements Interceptor {

    final AtomicLong bytes = new AtomicLong();
    volatile Headers headers;

    @Override
    public Response intercept(Chain chain) throws IOException {
      Response response = chain.proceed(chain.request());
      headers = response.headers();
      ResponseBody body = response.body();
      ForwardingSource counting =
          new ForwardingSource(body.source()) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
              long read = super.read(sink, byteCount);
              if (read > 0) {
                bytes.addAndGet(read);
              }
              return read;
            }
          };
      BufferedSource source = Okio.buffer(counting);
      ResponseBody counted = ResponseBody.create(source, body.contentType(), body.contentLength());
      return response.newBuilder().body(counted).build();
    }
  }
}
