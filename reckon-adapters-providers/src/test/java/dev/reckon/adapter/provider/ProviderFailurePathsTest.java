package dev.reckon.adapter.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.reckon.adapter.provider.anthropic.AnthropicUsageSource;
import dev.reckon.adapter.provider.openai.OpenAiUsageSource;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.ports.out.FetchProgress;
import dev.reckon.ports.out.ProviderCallException;
import dev.reckon.ports.out.ProviderResponseInvalidException;
import dev.reckon.ports.out.ProviderUnavailableException;
import dev.reckon.ports.out.ProviderUsageSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sends provider calls into each network failure the hardened client guards against and checks the
 * exception the caller gets: its class, which decides between retrying and giving up, and its
 * message. Durations are bounded generously, only to prove that no call hangs.
 */
class ProviderFailurePathsTest {

  private static final Instant MARCH_2 = Instant.parse("2026-03-02T00:00:00Z");
  private static final TimeWindow TWO_HOURS =
      new TimeWindow(MARCH_2, MARCH_2.plus(Duration.ofHours(2)));
  private static final String CANARY_MESSAGE = "FAKE-canary-message-from-the-error-body";
  private static final String OPENAI_USAGE =
      "{\"object\":\"page\",\"data\":[],\"has_more\":false,\"next_page\":null}";

  /** The two providers, each with its source, fake key, key header and request id header. */
  enum Api {
    OPENAI(
        "openai",
        "/openai/v1",
        ProviderTestSupport.OPENAI_KEY,
        "Authorization",
        "x-request-id",
        OpenAiUsageSource::new),
    ANTHROPIC(
        "anthropic",
        "/anthropic",
        ProviderTestSupport.ANTHROPIC_KEY,
        "x-api-key",
        "request-id",
        AnthropicUsageSource::new);

    final String id;
    final String path;
    final String key;
    final String keyHeader;
    final String requestIdHeader;
    final SourceFactory factory;

    Api(
        String id,
        String path,
        String key,
        String keyHeader,
        String requestIdHeader,
        SourceFactory factory) {
      this.id = id;
      this.path = path;
      this.key = key;
      this.keyHeader = keyHeader;
      this.requestIdHeader = requestIdHeader;
      this.factory = factory;
    }

    ProviderUsageSource source(HardenedHttpClient client, HttpUrl serverUrl) {
      return factory.create(client, serverUrl.resolve(path).toString(), ProviderTestSupport.CLOCK);
    }
  }

  /** The constructor both usage sources share. */
  interface SourceFactory {
    ProviderUsageSource create(HardenedHttpClient client, String baseUrl, java.time.Clock clock);
  }

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
  void slowDripIsCutOffByCallTimeout() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(OPENAI_USAGE + " ".repeat(200))
            .throttleBody(1, 250, TimeUnit.MILLISECONDS)
            .build());
    HttpClientSettings settings =
        timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1));

    long start = System.nanoTime();
    var unavailable = fails(Api.OPENAI, settings, ProviderUnavailableException.class);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(unavailable)
        .hasMessage("openai: the call did not finish within the call timeout (HTTP 200)");
    assertThat(unavailable.isRetryable()).isTrue();
    assertThat(elapsed).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
  }

  @Test
  void silentServerIsCutOffByReadTimeout() throws Exception {
    try (RawLoopbackServer silent = new RawLoopbackServer(RawLoopbackServer::readRequestHead)) {
      HttpClientSettings settings =
          timeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(10));
      ProviderUsageSource source =
          Api.OPENAI.source(HardenedHttpClient.create(settings), silent.url("http", "/"));

      long start = System.nanoTime();
      var unavailable = fails(source, Api.OPENAI, ProviderUnavailableException.class);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

      assertThat(unavailable)
          .hasMessage("openai: the provider did not answer within the connect or read timeout");
      assertThat(unavailable.isRetryable()).isTrue();
      assertThat(silent.acceptedConnections()).isPositive();
      assertThat(elapsed).isLessThan(Duration.ofSeconds(5));
    }
  }

  static Stream<Arguments> redirects() {
    List<Arguments> cases = new ArrayList<>();
    for (Api api : Api.values()) {
      for (int status : new int[] {301, 302, 303, 307, 308}) {
        cases.add(Arguments.of(api, status));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("redirects")
  void redirectIsNotFollowed(Api api, int status) throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      elsewhere.enqueue(new MockResponse.Builder().code(200).body(OPENAI_USAGE).build());
      server.enqueue(
          new MockResponse.Builder()
              .code(status)
              .addHeader("Location", elsewhere.url(api.path + "/organization/usage"))
              .build());

      var invalid =
          fails(api, ProviderTestSupport.testSettings(), ProviderResponseInvalidException.class);

      assertThat(invalid)
          .hasMessage(
              api.id
                  + ": the provider answered with a redirect, which is never followed: check the"
                  + " base URL (HTTP "
                  + status
                  + ")");
      assertThat(elsewhere.getRequestCount()).isZero();
      assertThat(server.getRequestCount()).isEqualTo(1);
      RecordedRequest sent = server.takeRequest();
      assertThat(sent.getHeaders().get(api.keyHeader)).contains(api.key);
    }
  }

  @Test
  void gzipBombIsInvalidAndFailsFast() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Encoding", "gzip")
            .addHeader("x-request-id", "req_FAKEbomb")
            .body(GzipBomb.zeros(1024))
            .build());
    HttpClientSettings settings = ProviderTestSupport.testSettings().withMaxResponseBytes(65536);

    long start = System.nanoTime();
    var invalid = fails(Api.OPENAI, settings, ProviderResponseInvalidException.class);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(invalid)
        .hasMessage(
            "openai: response body exceeds the limit of 65536 bytes (HTTP 200, request id"
                + " req_FAKEbomb)");
    assertThat(invalid.isRetryable()).isFalse();
    assertThat(invalid.getCause()).isInstanceOf(ResponseTooLargeException.class);
    assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void productionRejectsLoopbackAddress(Api api) {
    HttpUrl httpsUrl = server.url("/").newBuilder().scheme("https").host("127.0.0.1").build();
    ProviderUsageSource source =
        api.source(HardenedHttpClient.create(HttpClientSettings.forProduction()), httpsUrl);

    var unavailable = fails(source, api, ProviderUnavailableException.class);

    assertThat(unavailable)
        .hasMessage(
            api.id
                + ": connection to 127.0.0.1 rejected because it is a loopback address: loopback"
                + " is allowed only outside production mode with loopback HTTP allowed");
    assertThat(unavailable.getCause()).hasRootCauseInstanceOf(AddressRejectedException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void untrustedCertificateFailsHandshake(Api api) {
    server.useHttps(LoopbackTls.serverSockets(LoopbackTls.localCertificate()));
    ProviderUsageSource source = api.source(ProviderTestSupport.testClient(), server.url("/"));

    var unavailable = fails(source, api, ProviderUnavailableException.class);

    assertThat(unavailable)
        .hasMessage(
            api.id
                + ": the TLS handshake with the provider failed: the host must offer TLS 1.2 or"
                + " 1.3 and a certificate for its name that the JDK trusts");
    assertThat(server.getRequestCount()).isZero();
  }

  static Stream<Arguments> errorBodies() {
    return Stream.of(
        Arguments.of(
            Api.OPENAI,
            400,
            "{\"error\":{\"message\":\"%s\",\"type\":\"invalid_request_error\","
                + "\"param\":\"%s\",\"code\":\"invalid_value\"}}",
            "invalid_value"),
        Arguments.of(
            Api.OPENAI,
            500,
            "{\"error\":{\"message\":\"%s\",\"type\":\"server_error\",\"param\":\"%s\","
                + "\"code\":null}}",
            "server_error"),
        Arguments.of(
            Api.ANTHROPIC,
            400,
            "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"%s"
                + " %s\"},\"request_id\":\"req_FAKEbody\"}",
            "invalid_request_error"),
        Arguments.of(
            Api.ANTHROPIC,
            500,
            "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"%s\","
                + "\"detail\":\"%s\"},\"request_id\":\"req_FAKEbody\"}",
            "api_error"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("errorBodies")
  void errorBodyIsReducedToStatusCodeAndRequestId(
      Api api, int status, String bodyFormat, String errorCode) {
    String body = String.format(bodyFormat, CANARY_MESSAGE, api.key);
    server.enqueue(
        new MockResponse.Builder()
            .code(status)
            .addHeader("Content-Type", "application/json")
            .addHeader(api.requestIdHeader, "req_FAKEerror")
            .body(body)
            .build());

    ProviderCallException failure;
    List<String> logs;
    try (LogCapture capture = LogCapture.start()) {
      failure = fails(api, ProviderTestSupport.testSettings(), ProviderCallException.class);
      logs = capture.texts();
    }

    assertThat(failure.status()).isEqualTo(status);
    assertThat(failure.errorCode()).isEqualTo(errorCode);
    assertThat(failure.requestId()).isEqualTo("req_FAKEerror");
    assertThat(failure.getMessage())
        .contains("HTTP " + status)
        .contains(errorCode)
        .contains("request id req_FAKEerror");
    assertThat(logs).anyMatch(line -> line.contains("req_FAKEerror"));
    List<String> texts = new ArrayList<>(logs);
    texts.add(stackTrace(failure));
    for (String text : texts) {
      assertThat(text).doesNotContain(CANARY_MESSAGE).doesNotContain(api.key);
    }
  }

  private <T extends ProviderCallException> T fails(
      Api api, HttpClientSettings settings, Class<T> type) {
    return fails(api.source(HardenedHttpClient.create(settings), server.url("/")), api, type);
  }

  private static <T extends ProviderCallException> T fails(
      ProviderUsageSource source, Api api, Class<T> type) {
    try (SecretBytes adminKey = ProviderTestSupport.key(api.key)) {
      T failure =
          catchThrowableOfType(
              type, () -> source.fetchUsage(adminKey, TWO_HOURS, FetchProgress.NONE));
      assertThat(failure).as("expected a %s", type.getSimpleName()).isNotNull();
      return failure;
    }
  }

  private static HttpClientSettings timeouts(Duration connect, Duration read, Duration call) {
    return ProviderTestSupport.testSettings().withTimeouts(connect, read, read, call);
  }

  private static String stackTrace(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
