package dev.reckon.adapter.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.provider.anthropic.AnthropicUsageSource;
import dev.reckon.adapter.provider.openai.OpenAiUsageSource;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.ports.out.FetchProgress;
import dev.reckon.ports.out.ProviderCallException;
import dev.reckon.ports.out.ProviderUsageSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sends a recognizable fake key through every success and failure path and checks that no
 * 5-character piece of it reaches a log event or an exception, whole cause chain included, even
 * when the server echoes it in a body or a header.
 *
 * <p>The failure paths are error statuses with echoing bodies, malformed and oversized bodies
 * (plain and a gzip bomb), a redirect whose Location carries the key, a stalled server (read
 * timeout), a slow drip (call timeout), a key with a line break, a loopback address rejected in
 * production mode and outside it without loopback HTTP, an untrusted certificate and a server that
 * picks TLS 1.1.
 */
class KeyCanaryTest {

  private static final String OPENAI_CANARY = "sk-admin-FAKEq7Qx2Zt9LmWv3Pd";
  private static final String ANTHROPIC_CANARY = "sk-ant-admin01-FAKEw4Hv8Rp3NcJy6Tb";
  private static final Instant MARCH_2 = Instant.parse("2026-03-02T00:00:00Z");
  private static final TimeWindow HOURS =
      new TimeWindow(MARCH_2, MARCH_2.plus(Duration.ofHours(2)));
  private static final TimeWindow DAYS = new TimeWindow(MARCH_2, MARCH_2.plus(Duration.ofDays(2)));

  /** The constructor both usage sources share. */
  private interface SourceFactory {
    ProviderUsageSource create(HardenedHttpClient client, String baseUrl, Clock clock);
  }

  private final MockWebServer server = new MockWebServer();
  private LogCapture logs;
  private final List<String> seen = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server.start();
    logs = LogCapture.start();
  }

  @AfterEach
  void stop() {
    logs.close();
    server.close();
  }

  @Test
  void openAiKeyNeverLeaks() throws Exception {
    String usage =
        "{\"data\":[{\"start_time\":1772409600,\"end_time\":1772413200,\"results\":[{"
            + "\"input_tokens\":5,\"output_tokens\":1,\"num_model_requests\":1,"
            + "\"model\":\"gpt-FAKE\"}]}],\"has_more\":false,\"next_page\":null}";
    String names = "{\"object\":\"list\",\"data\":[],\"has_more\":false,\"last_id\":null}";

    // An empty project list ends the name fetch after one request.
    runEveryPath(OpenAiUsageSource::new, "/openai/v1", OPENAI_CANARY, usage, names, 1);

    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + OPENAI_CANARY);
    assertNothingLeaked(OPENAI_CANARY);
  }

  @Test
  void anthropicKeyNeverLeaks() throws Exception {
    String usage =
        "{\"data\":[{\"starting_at\":\"2026-03-02T00:00:00Z\",\"ending_at\":"
            + "\"2026-03-02T01:00:00Z\",\"results\":[{\"uncached_input_tokens\":1,"
            + "\"cache_read_input_tokens\":0,\"cache_creation\":{\"ephemeral_5m_input_tokens\":0,"
            + "\"ephemeral_1h_input_tokens\":0},\"output_tokens\":1}]}],\"has_more\":false}";
    String names = "{\"data\":[],\"has_more\":false,\"last_id\":null}";

    // Workspaces and API keys are two lists, one request each.
    runEveryPath(AnthropicUsageSource::new, "/anthropic", ANTHROPIC_CANARY, usage, names, 2);

    assertThat(server.takeRequest().getHeaders().get("x-api-key")).isEqualTo(ANTHROPIC_CANARY);
    assertNothingLeaked(ANTHROPIC_CANARY);
  }

  private void runEveryPath(
      SourceFactory factory,
      String path,
      String canary,
      String usage,
      String names,
      int nameRequests)
      throws Exception {
    HttpClientSettings fast = ProviderTestSupport.testSettings();
    HttpUrl base = server.url(path);
    ProviderUsageSource source = source(factory, fast, base);

    runResponsePaths(factory, base, source, canary, usage, names, nameRequests);
    runTimeoutPaths(factory, base, canary, usage);
    fail(() -> source.fetchUsage(key(canary + "\n"), HOURS, FetchProgress.NONE));
    runConnectionPaths(factory, path, canary);
  }

  /** Runs the paths where the server responds: successes, error statuses and bad bodies. */
  private void runResponsePaths(
      SourceFactory factory,
      HttpUrl base,
      ProviderUsageSource source,
      String canary,
      String usage,
      String names,
      int nameRequests) {
    HttpClientSettings fast = ProviderTestSupport.testSettings();
    String echo =
        "{\"error\":{\"message\":\"Incorrect API key provided: "
            + canary
            + "\","
            + "\"type\":\""
            + canary
            + "\",\"code\":\""
            + canary
            + "\"},\"request_id\":\""
            + canary
            + "\"}";

    server.enqueue(ok(usage));
    source.fetchUsage(key(canary), HOURS, FetchProgress.NONE);
    for (int i = 0; i < nameRequests; i++) {
      server.enqueue(ok(names));
    }
    source.fetchNames(key(canary));
    for (int status : new int[] {400, 401, 403, 404, 429, 500, 529}) {
      server.enqueue(
          new MockResponse.Builder()
              .code(status)
              .addHeader("Retry-After", canary)
              .addHeader("x-request-id", canary)
              .addHeader("request-id", "req_" + canary)
              .addHeader("Set-Cookie", "session=" + canary)
              .body(echo)
              .build());
      fail(() -> source.fetchCosts(key(canary), DAYS, FetchProgress.NONE));
    }
    server.enqueue(ok("{\"data\":[" + canary + "]}"));
    fail(() -> source.fetchUsage(key(canary), HOURS, FetchProgress.NONE));
    server.enqueue(
        ok(usage.replace("\"output_tokens\":1", "\"output_tokens\":\"" + canary + "\"")));
    fail(() -> source.fetchUsage(key(canary), HOURS, FetchProgress.NONE));
    server.enqueue(ok("{\"data\":[],\"has_more\":false,\"x\":\"" + canary.repeat(200) + "\"}"));
    fail(
        () ->
            source(factory, fast.withMaxResponseBytes(1024), base)
                .fetchUsage(key(canary), HOURS, FetchProgress.NONE));
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Encoding", "gzip")
            .addHeader("x-request-id", canary)
            .body(GzipBomb.zeros(64))
            .build());
    fail(
        () ->
            source(factory, fast.withMaxResponseBytes(64 * 1024), base)
                .fetchUsage(key(canary), HOURS, FetchProgress.NONE));
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", "http://127.0.0.1:9/?key=" + canary)
            .build());
    fail(() -> source.fetchUsage(key(canary), HOURS, FetchProgress.NONE));
  }

  /** Runs a stalled server into the read timeout and a slow drip into the call timeout. */
  private void runTimeoutPaths(SourceFactory factory, HttpUrl base, String canary, String usage) {
    HttpClientSettings fast = ProviderTestSupport.testSettings();
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    fail(
        () ->
            source(
                    factory,
                    fast.withTimeouts(
                        Duration.ofSeconds(1),
                        Duration.ofMillis(200),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2)),
                    base)
                .fetchUsage(key(canary), HOURS, FetchProgress.NONE));
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(usage + " ".repeat(4096))
            .throttleBody(256, 100, TimeUnit.MILLISECONDS)
            .build());
    fail(
        () ->
            source(
                    factory,
                    fast.withTimeouts(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        Duration.ofMillis(500)),
                    base)
                .fetchUsage(key(canary), HOURS, FetchProgress.NONE));
  }

  /**
   * Runs the paths where no HTTP exchange happens: a rejected loopback address, an untrusted
   * certificate and a server that picks TLS 1.1.
   */
  private void runConnectionPaths(SourceFactory factory, String path, String canary)
      throws Exception {
    HttpUrl httpsLoopback = server.url(path).newBuilder().scheme("https").host("127.0.0.1").build();
    HttpClientSettings production = HttpClientSettings.forProduction();
    HttpClientSettings noLoopback = production.withMode(false, false);
    fail(
        () ->
            source(factory, production, httpsLoopback)
                .fetchUsage(key(canary), HOURS, FetchProgress.NONE));
    fail(
        () ->
            source(factory, noLoopback, httpsLoopback)
                .fetchUsage(key(canary), HOURS, FetchProgress.NONE));

    try (MockWebServer untrusted = new MockWebServer()) {
      untrusted.useHttps(LoopbackTls.serverSockets(LoopbackTls.localCertificate()));
      untrusted.start();
      fail(
          () ->
              source(factory, ProviderTestSupport.testSettings(), untrusted.url(path))
                  .fetchUsage(key(canary), HOURS, FetchProgress.NONE));
      assertThat(untrusted.getRequestCount()).isZero();
    }

    try (RawLoopbackServer tls11 =
        new RawLoopbackServer(
            socket -> {
              TlsRecords.readClientHello(socket.getInputStream());
              TlsRecords.writeServerHello(socket.getOutputStream(), TlsRecords.TLS_1_1, 0xc013);
              socket.getInputStream().readAllBytes();
            })) {
      fail(
          () ->
              source(factory, ProviderTestSupport.testSettings(), tls11.url("https", path))
                  .fetchUsage(key(canary), HOURS, FetchProgress.NONE));
    }
  }

  private static ProviderUsageSource source(
      SourceFactory factory, HttpClientSettings settings, HttpUrl baseUrl) {
    return factory.create(
        HardenedHttpClient.create(settings), baseUrl.toString(), ProviderTestSupport.CLOCK);
  }

  /** Runs a call that must fail and keeps the stack trace of its exception, causes included. */
  private void fail(Runnable call) {
    try {
      call.run();
    } catch (ProviderCallException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      seen.add(trace.toString());
      return;
    }
    throw new AssertionError("failure path " + (seen.size() + 1) + " did not throw");
  }

  private void assertNothingLeaked(String canary) {
    List<String> logTexts = logs.texts();
    assertThat(logs.messagesOf(RedactingLoggingInterceptor.class)).isNotEmpty();
    seen.addAll(logTexts);
    for (int i = 0; i + 5 <= canary.length(); i++) {
      String piece = canary.substring(i, i + 5);
      assertThat(seen).as("texts containing '%s'", piece).noneMatch(text -> text.contains(piece));
    }
  }

  private static SecretBytes key(String value) {
    return SecretBytes.copyOf(value.getBytes(StandardCharsets.US_ASCII));
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }
}
