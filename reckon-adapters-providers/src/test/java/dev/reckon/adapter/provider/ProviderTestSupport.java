package dev.reckon.adapter.provider;

import dev.reckon.domain.secret.SecretBytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** Shared fixtures for provider client tests: fake keys, a fixed clock and fast timeouts. */
public final class ProviderTestSupport {

  public static final String OPENAI_KEY = "sk-admin-FAKEtest0001openaiQ7xZ";
  public static final String ANTHROPIC_KEY = "sk-ant-admin01-FAKEtest0001anthropicK9wM";
  public static final Instant NOW = Instant.parse("2026-03-05T00:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private ProviderTestSupport() {}

  /** Returns settings with loopback HTTP allowed and timeouts short enough for tests. */
  public static HttpClientSettings testSettings() {
    return HttpClientSettings.forDevelopment()
        .withTimeouts(
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4));
  }

  public static HardenedHttpClient testClient() {
    return HardenedHttpClient.create(testSettings());
  }

  public static SecretBytes key(String value) {
    return SecretBytes.copyOf(value.getBytes(StandardCharsets.US_ASCII));
  }

  /** Reads a JSON fixture from the test resources. */
  public static String fixture(String path) {
    try (InputStream in = ProviderTestSupport.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns a 200 JSON response carrying the given request id in the named header. */
  public static MockResponse json(String body, String requestIdHeader, String requestId) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .addHeader(requestIdHeader, requestId)
        .body(body)
        .build();
  }

  /** Returns every query parameter of a recorded request, names sorted, values in sent order. */
  public static Map<String, List<String>> query(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    Map<String, List<String>> parameters = new TreeMap<>();
    for (String name : url.queryParameterNames()) {
      parameters.put(name, url.queryParameterValues(name));
    }
    return parameters;
  }
}
