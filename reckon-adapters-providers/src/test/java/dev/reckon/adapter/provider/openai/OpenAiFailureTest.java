package dev.reckon.adapter.provider.openai;

import static dev.reckon.adapter.provider.ProviderTestSupport.CLOCK;
import static dev.reckon.adapter.provider.ProviderTestSupport.OPENAI_KEY;
import static dev.reckon.adapter.provider.ProviderTestSupport.key;
import static dev.reckon.adapter.provider.ProviderTestSupport.testClient;
import static dev.reckon.adapter.provider.ProviderTestSupport.testSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.reckon.adapter.provider.HardenedHttpClient;
import dev.reckon.adapter.provider.HttpClientSettings;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.ports.out.FetchProgress;
import dev.reckon.ports.out.ProviderCallException;
import dev.reckon.ports.out.ProviderKeyRejectedException;
import dev.reckon.ports.out.ProviderRateLimitedException;
import dev.reckon.ports.out.ProviderResponseInvalidException;
import dev.reckon.ports.out.ProviderUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiFailureTest {

  private static final Instant MARCH_2 = Instant.parse("2026-03-02T00:00:00Z");
  private static final TimeWindow THREE_HOURS =
      new TimeWindow(MARCH_2, MARCH_2.plus(Duration.ofHours(3)));
  private static final String ERROR_401 =
      "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\","
          + "\"param\":null,\"code\":\"invalid_api_key\"}}";
  private static final String ERROR_403 =
      "{\"error\":{\"message\":\"You have insufficient permissions for this operation. Missing"
          + " scopes: api.usage.read\",\"type\":\"invalid_request_error\",\"param\":null,"
          + "\"code\":null}}";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void unauthorizedRejectsKeyAsInvalid() {
    server.enqueue(error(401, ERROR_401));

    var rejected = fetchFails(ProviderKeyRejectedException.class);

    assertThat(rejected.status()).isEqualTo(401);
    assertThat(rejected.errorCode()).isEqualTo("invalid_api_key");
    assertThat(rejected.requestId()).isEqualTo("req_FAKEfailure");
    assertThat(rejected.isRetryable()).isFalse();
    assertThat(rejected.reason())
        .isEqualTo(
            "the provider rejected the key as invalid or revoked, so replace it with a current"
                + " Admin key");
    assertThat(rejected)
        .hasMessage(
            "openai: the provider rejected the key as invalid or revoked, so replace it with a"
                + " current Admin key (HTTP 401, invalid_api_key, request id req_FAKEfailure)");
  }

  @Test
  void forbiddenRejectsKeyAsNotAdmin() {
    server.enqueue(error(403, ERROR_403));

    var rejected = fetchFails(ProviderKeyRejectedException.class);

    assertThat(rejected.status()).isEqualTo(403);
    assertThat(rejected.errorCode()).isEqualTo("invalid_request_error");
    assertThat(rejected.reason())
        .isEqualTo(
            "the key is not an Admin key or cannot read usage and cost data, so create an Admin"
                + " key and replace this one");
  }

  @Test
  void tooManyRequestsParsesRetryAfterSeconds() {
    server.enqueue(rateLimited().addHeader("Retry-After", "30").build());

    var limited = fetchFails(ProviderRateLimitedException.class);

    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorCode()).isEqualTo("rate_limit_exceeded");
    assertThat(limited.isRetryable()).isTrue();
  }

  @Test
  void tooManyRequestsParsesRetryAfterDate() {
    server.enqueue(rateLimited().addHeader("Retry-After", "Thu, 05 Mar 2026 00:02:00 GMT").build());

    var limited = fetchFails(ProviderRateLimitedException.class);

    assertThat(limited.retryAfter()).contains(Duration.ofMinutes(2));
  }

  @Test
  void tooManyRequestsWithoutRetryAfter() {
    server.enqueue(rateLimited().build());

    var limited = fetchFails(ProviderRateLimitedException.class);

    assertThat(limited.retryAfter()).isEmpty();
    assertThat(limited)
        .hasMessage(
            "openai: rate limited (HTTP 429, rate_limit_exceeded, request id req_FAKEfailure)");
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 529})
  void serverErrorIsUnavailable(int status) {
    server.enqueue(error(status, "{\"error\":{\"type\":\"server_error\",\"code\":null}}"));

    var unavailable = fetchFails(ProviderUnavailableException.class);

    assertThat(unavailable.status()).isEqualTo(status);
    assertThat(unavailable.isRetryable()).isTrue();
    assertThat(unavailable)
        .hasMessage(
            "openai: the provider failed with a server error (HTTP "
                + status
                + ", server_error, request id req_FAKEfailure)");
  }

  @Test
  void badRequestIsInvalid() {
    server.enqueue(error(400, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":null}}"));

    var invalid = fetchFails(ProviderResponseInvalidException.class);

    assertThat(invalid.isRetryable()).isFalse();
    assertThat(invalid)
        .hasMessage(
            "openai: the provider rejected the request (HTTP 400, invalid_request_error, request id"
                + " req_FAKEfailure)");
  }

  @Test
  void errorCodeWithUnsafeCharactersIsDropped() {
    server.enqueue(error(401, "{\"error\":{\"code\":\"<b>not an id</b>\",\"type\":null}}"));

    var rejected = fetchFails(ProviderKeyRejectedException.class);

    assertThat(rejected.errorCode()).isNull();
    assertThat(rejected.getMessage()).doesNotContain("<b>");
  }

  @Test
  void repeatedCursorFailsFetch() {
    server.enqueue(ok(page(true, "\"page_FAKErepeat\"")));
    server.enqueue(ok(page(true, "\"page_FAKErepeat\"")));

    var invalid = fetchFails(ProviderResponseInvalidException.class);

    assertThat(invalid)
        .hasMessage(
            "openai: the provider repeated a page cursor (HTTP 200, request id req_FAKEok)");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void hasMoreWithoutCursorFailsFetch() {
    server.enqueue(ok(page(true, "null")));

    var invalid = fetchFails(ProviderResponseInvalidException.class);

    assertThat(invalid)
        .hasMessage(
            "openai: the page has has_more true but no cursor for the next page (HTTP 200, request"
                + " id req_FAKEok)");
  }

  @Test
  void hasMoreWithEmptyCursorFailsFetch() {
    server.enqueue(ok(page(true, "\"\"")));

    var invalid = fetchFails(ProviderResponseInvalidException.class);

    assertThat(invalid.getMessage()).startsWith("openai: the page has has_more true but no cursor");
  }

  @Test
  void pagesBeyondCapFailFetch() {
    server.enqueue(ok(page(true, "\"page_FAKE1\"")));
    server.enqueue(ok(page(true, "\"page_FAKE2\"")));
    server.enqueue(ok(page(false, "null")));
    OpenAiUsageSource source = new OpenAiUsageSource(testClient(), baseUrl(), CLOCK, 2);

    var invalid = fetchFails(source, ProviderResponseInvalidException.class);

    assertThat(invalid)
        .hasMessage(
            "openai: the provider returned more than 2 pages (HTTP 200, request id req_FAKEok)");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void truncatedBodyIsInvalid() {
    String whole = page(false, "null");
    server.enqueue(ok(whole.substring(0, whole.length() / 2)));

    var invalid = fetchFails(ProviderResponseInvalidException.class);

    assertThat(invalid.getMessage())
        .startsWith("openai: the response body is malformed JSON (JsonEOFException at line 1,")
        .endsWith("(HTTP 200, request id req_FAKEok)");
  }

  @Test
  void malformedJsonIsInvalid() {
    server.enqueue(ok("{\"data\": [}, \"secret-looking text\""));

    var invalid = fetchFails(ProviderResponseInvalidException.class);

    assertThat(invalid.getMessage())
        .startsWith("openai: the response body is malformed JSON (")
        .doesNotContain("secret-looking");
    assertThat(invalid.getCause()).isNull();
  }

  @Test
  void connectionDroppedMidBodyIsUnavailable() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("x-request-id", "req_FAKEdrop")
            .body(page(false, "null") + " ".repeat(64 * 1024))
            .onResponseBody(new SocketEffect.CloseSocket(true, true, true))
            .build());

    var unavailable = fetchFails(ProviderUnavailableException.class);

    assertThat(unavailable)
        .hasMessage(
            "openai: the response body could not be read (HTTP 200, request id req_FAKEdrop)");
  }

  @Test
  void oversizeBodyWithLengthIsInvalid() {
    server.enqueue(ok(page(false, "null") + " ".repeat(8 * 1024)));

    var invalid = fetchFails(smallLimitSource(), ProviderResponseInvalidException.class);

    assertThat(invalid)
        .hasMessage(
            "openai: response body exceeds the limit of 4096 bytes (HTTP 200, request id"
                + " req_FAKEok)");
  }

  @Test
  void oversizeChunkedBodyIsInvalid() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("x-request-id", "req_FAKEchunked")
            .chunkedBody(page(false, "null") + " ".repeat(8 * 1024), 512)
            .build());

    var invalid = fetchFails(smallLimitSource(), ProviderResponseInvalidException.class);

    assertThat(invalid)
        .hasMessage(
            "openai: response body exceeds the limit of 4096 bytes (HTTP 200, request id"
                + " req_FAKEchunked)");
  }

  @Test
  void oversizeGzipBodyIsInvalidAfterDecoding() throws Exception {
    Buffer compressed = gzip(page(false, "null") + " ".repeat(1024 * 1024));
    assertThat(compressed.size()).isLessThan(4096);
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("x-request-id", "req_FAKEgzip")
            .addHeader("Content-Encoding", "gzip")
            .body(compressed)
            .build());

    var invalid = fetchFails(smallLimitSource(), ProviderResponseInvalidException.class);

    assertThat(invalid)
        .hasMessage(
            "openai: response body exceeds the limit of 4096 bytes (HTTP 200, request id"
                + " req_FAKEgzip)");
  }

  @Test
  void redirectIsNotFollowed() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      server.enqueue(
          new MockResponse.Builder()
              .code(302)
              .addHeader("Location", elsewhere.url("/openai/v1/organization/usage/completions"))
              .build());

      var invalid = fetchFails(ProviderResponseInvalidException.class);

      assertThat(invalid)
          .hasMessage(
              "openai: the provider answered with a redirect, which is never followed: check the"
                  + " base URL (HTTP 302)");
      assertThat(elsewhere.getRequestCount()).isZero();
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void slowBodyIsCutOffByCallTimeout() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(page(false, "null") + " ".repeat(4096))
            .throttleBody(256, 100, TimeUnit.MILLISECONDS)
            .build());
    HttpClientSettings settings =
        testSettings()
            .withTimeouts(
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofMillis(600));

    var unavailable = fetchFails(source(settings), ProviderUnavailableException.class);

    assertThat(unavailable.getMessage())
        .startsWith("openai: the call did not finish within the call timeout");
  }

  @Test
  void silentServerIsCutOffByReadTimeout() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    HttpClientSettings settings =
        testSettings()
            .withTimeouts(
                Duration.ofSeconds(1),
                Duration.ofMillis(300),
                Duration.ofSeconds(1),
                Duration.ofSeconds(3));

    var unavailable = fetchFails(source(settings), ProviderUnavailableException.class);

    assertThat(unavailable)
        .hasMessage("openai: the provider did not answer within the connect or read timeout");
    assertThat(unavailable.status()).isZero();
  }

  @Test
  void unreachableServerIsUnavailable() throws Exception {
    String closedUrl = baseUrl();
    server.close();

    var unavailable =
        fetchFails(
            new OpenAiUsageSource(testClient(), closedUrl, CLOCK),
            ProviderUnavailableException.class);

    assertThat(unavailable).hasMessage("openai: the connection to the provider failed");
    assertThat(unavailable.getCause()).isInstanceOf(java.io.IOException.class);
  }

  private <T extends ProviderCallException> T fetchFails(Class<T> type) {
    return fetchFails(new OpenAiUsageSource(testClient(), baseUrl(), CLOCK), type);
  }

  private static <T extends ProviderCallException> T fetchFails(
      OpenAiUsageSource source, Class<T> type) {
    try (SecretBytes adminKey = key(OPENAI_KEY)) {
      return catchThrowableOfType(
          type, () -> source.fetchUsage(adminKey, THREE_HOURS, FetchProgress.NONE));
    }
  }

  private OpenAiUsageSource smallLimitSource() {
    return source(testSettings().withMaxResponseBytes(4096));
  }

  private OpenAiUsageSource source(HttpClientSettings settings) {
    return new OpenAiUsageSource(HardenedHttpClient.create(settings), baseUrl(), CLOCK);
  }

  private String baseUrl() {
    return server.url("/openai/v1").toString();
  }

  private static MockResponse error(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json")
        .addHeader("x-request-id", "req_FAKEfailure")
        .body(body)
        .build();
  }

  private static MockResponse.Builder rateLimited() {
    return new MockResponse.Builder()
        .code(429)
        .addHeader("x-request-id", "req_FAKEfailure")
        .body("{\"error\":{\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}");
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .addHeader("x-request-id", "req_FAKEok")
        .body(body)
        .build();
  }

  private static String page(boolean hasMore, String nextPage) {
    return "{\"object\":\"page\",\"data\":[{\"object\":\"bucket\",\"start_time\":1772409600,"
        + "\"end_time\":1772413200,\"results\":[]}],\"has_more\":"
        + hasMore
        + ",\"next_page\":"
        + nextPage
        + "}";
  }

  private static Buffer gzip(String text) throws Exception {
    Buffer compressed = new Buffer();
    try (var sink = Okio.buffer(new GzipSink(compressed))) {
      sink.writeUtf8(text);
    }
    return compressed;
  }
}
