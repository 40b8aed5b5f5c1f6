package dev.reckon.adapter.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.reckon.adapter.provider.anthropic.AnthropicUsageSource;
import dev.reckon.adapter.provider.openai.OpenAiUsageSource;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.ports.out.FetchProgress;
import dev.reckon.ports.out.ProviderUsageSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RedactingLoggingInterceptorTest {

  private static final Instant MARCH_2 = Instant.parse("2026-03-02T00:00:00Z");
  private static final TimeWindow TWO_HOURS =
      new TimeWindow(MARCH_2, MARCH_2.plus(Duration.ofHours(2)));
  private static final String EMPTY_PAGE =
      "{\"object\":\"page\",\"data\":[],\"has_more\":false,\"next_page\":null}";
  private static final String ADMIN_HEADER_KEY = "sk-ant-admin01-FAKEheaderKey0000";

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
  void openAiAuthorizationIsRedacted() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("x-request-id", "req_FAKElogged")
            .body(EMPTY_PAGE)
            .build());
    ProviderUsageSource source =
        new OpenAiUsageSource(
            ProviderTestSupport.testClient(),
            server.url("/openai/v1").toString(),
            ProviderTestSupport.CLOCK);

    List<String> lines = logsOf(() -> fetch(source, ProviderTestSupport.OPENAI_KEY));

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith("Request GET localhost/openai/v1/organization/usage/completions headers [")
        .contains("Authorization: [redacted]")
        .contains("User-Agent: reckon/0.1")
        .contains("Accept: application/json")
        .doesNotContain("?");
    assertThat(lines.get(1))
        .startsWith("Response 200 to GET localhost/openai/v1/organization/usage/completions after")
        .contains("x-request-id: req_FAKElogged");
    assertThat(String.join("\n", lines)).doesNotContain("FAKEtest0001openai");
  }

  @Test
  void anthropicApiKeyIsRedacted() {
    server.enqueue(new MockResponse.Builder().code(200).body(EMPTY_PAGE).build());
    ProviderUsageSource source =
        new AnthropicUsageSource(
            ProviderTestSupport.testClient(),
            server.url("/anthropic").toString(),
            ProviderTestSupport.CLOCK);

    List<String> lines = logsOf(() -> fetch(source, ProviderTestSupport.ANTHROPIC_KEY));

    assertThat(lines.get(0))
        .contains("x-api-key: [redacted]")
        .contains("anthropic-version: 2023-06-01");
    assertThat(String.join("\n", lines)).doesNotContain("FAKEtest0001anthropic");
  }

  @Test
  void unlistedAndEchoedHeadersAreRedacted() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Set-Cookie", "session=FAKEcookieValue")
            .addHeader("x-request-id", "echo-" + ADMIN_HEADER_KEY)
            .addHeader("Retry-After", ADMIN_HEADER_KEY.substring(3, 12))
            .addHeader("anthropic-ratelimit-requests-remaining", "0")
            .build());
    OkHttpClient client = ProviderTestSupport.testClient().okHttp();
    Request request =
        new Request.Builder()
            .url(server.url("/v1/organizations/usage_report/messages"))
            .header("anthropic-admin-key", ADMIN_HEADER_KEY)
            .header("X-Goog-Api-Key", "FAKEgoogleKey0000")
            .header("Cookie", "session=FAKEcookieValue")
            .build();

    List<String> lines =
        logsOf(
            () -> {
              try (Response response = client.newCall(request).execute()) {
                assertThat(response.code()).isEqualTo(429);
              }
            });

    String all = String.join("\n", lines);
    assertThat(all)
        .contains("anthropic-admin-key: [redacted]")
        .contains("X-Goog-Api-Key: [redacted]")
        .contains("Cookie: [redacted]")
        .contains("Set-Cookie: [redacted]")
        .contains("x-request-id: [redacted]")
        .contains("Retry-After: [redacted]")
        .contains("anthropic-ratelimit-requests-remaining: 0")
        .doesNotContain("FAKEheaderKey")
        .doesNotContain("FAKEgoogleKey")
        .doesNotContain("FAKEcookieValue");
  }

  @Test
  void failedCallIsLoggedWithRedactedHeaders() {
    String httpsUrl =
        server.url("/openai/v1").newBuilder().scheme("https").host("127.0.0.1").build().toString();
    ProviderUsageSource source =
        new OpenAiUsageSource(
            HardenedHttpClient.create(HttpClientSettings.forProduction()),
            httpsUrl,
            ProviderTestSupport.CLOCK);

    List<String> lines = logsOf(() -> fetch(source, ProviderTestSupport.OPENAI_KEY));

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("Authorization: [redacted]");
    assertThat(lines.get(1))
        .startsWith("Request GET 127.0.0.1/openai/v1/organization/usage/completions failed after")
        .endsWith("ConnectException");
    assertThat(String.join("\n", lines)).doesNotContain("FAKEtest0001openai");
  }

  @Test
  void nothingIsLoggedBelowTrace() {
    server.enqueue(new MockResponse.Builder().code(200).body(EMPTY_PAGE).build());
    ProviderUsageSource source =
        new OpenAiUsageSource(
            ProviderTestSupport.testClient(),
            server.url("/openai/v1").toString(),
            ProviderTestSupport.CLOCK);
    Logger logger = (Logger) LoggerFactory.getLogger(RedactingLoggingInterceptor.class);
    Level before = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    try {
      List<String> lines = logsOf(() -> fetch(source, ProviderTestSupport.OPENAI_KEY));

      assertThat(lines).isEmpty();
    } finally {
      logger.setLevel(before);
    }
  }

  @Test
  void describeRedactsByNameAndByEcho() {
    Headers headers =
        Headers.of(
            "Accept", "application/json",
            "Authorization", "Bearer FAKEsecret",
            "Date", "Mon, 02 Mar 2026 00:00:00 GMT",
            "Server", "echo FAKEsecret back");

    String described = RedactingLoggingInterceptor.describe(headers, List.of("Bearer FAKEsecret"));

    assertThat(described)
        .isEqualTo(
            "[Accept: application/json, Authorization: [redacted], Date: Mon, 02 Mar 2026"
                + " 00:00:00 GMT, Server: [redacted]]");
  }

  /** Runs one usage fetch and ignores its outcome, which these tests do not check. */
  private static void fetch(ProviderUsageSource source, String key) {
    try (SecretBytes adminKey = ProviderTestSupport.key(key)) {
      catchThrowable(() -> source.fetchUsage(adminKey, TWO_HOURS, FetchProgress.NONE));
    }
  }

  /** Runs the call and returns the messages the interceptor logged meanwhile. */
  private static List<String> logsOf(ThrowingRunnable call) {
    try (LogCapture capture = LogCapture.start()) {
      try {
        call.run();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      return capture.messagesOf(RedactingLoggingInterceptor.class);
    }
  }

  /** A call that may throw a checked exception. */
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
