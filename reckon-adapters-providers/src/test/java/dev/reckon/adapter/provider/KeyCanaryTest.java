package dev.reckon.adapter.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Sends a recognizable fake key through every success and failure path and checks that no
 * 5-character piece of it reaches a log event or an exception, even when the server echoes it.
 */
class KeyCanaryTest {

  private static final String OPENAI_CANARY = "sk-admin-FAKEq7Qx2Zt9LmWv3Pd";
  private static final String ANTHROPIC_CANARY = "sk-ant-admin01-FAKEw4Hv8Rp3NcJy6Tb";
  private static final Instant MARCH_2 = Instant.parse("2026-03-02T00:00:00Z");
  private static final TimeWindow HOURS =
      new TimeWindow(MARCH_2, MARCH_2.plus(Duration.ofHours(2)));
  private static final TimeWindow DAYS = new TimeWindow(MARCH_2, MARCH_2.plus(Duration.ofDays(2)));

  private final MockWebServer server = new MockWebServer();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final List<Logger> loggers =
      List.of(
          (Logger) LoggerFactory.getLogger("dev.reckon"),
          (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
  private final List<String> seen = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server.start();
    logs.start();
    loggers.forEach(logger -> logger.addAppender(logs));
  }

  @AfterEach
  void stop() {
    loggers.forEach(logger -> logger.detachAppender(logs));
    server.close();
  }

  @Test
  void openAiKeyNeverLeaks() throws Exception {
    Function<HttpClientSettings, ProviderUsageSource> sources =
        settings ->
            new OpenAiUsageSource(
                HardenedHttpClient.create(settings),
                server.url("/openai/v1").toString(),
                ProviderTestSupport.CLOCK);
    String usage =
        "{\"data\":[{\"start_time\":1772409600,\"end_time\":1772413200,\"results\":[{"
            + "\"input_tokens\":5,\"output_tokens\":1,\"num_model_requests\":1,"
            + "\"model\":\"gpt-FAKE\"}]}],\"has_more\":false,\"next_page\":null}";
    String names = "{\"object\":\"list\",\"data\":[],\"has_more\":false,\"last_id\":null}";

    runEveryPath(sources, OPENAI_CANARY, usage, names);

    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + OPENAI_CANARY);
    assertNothingLeaked(OPENAI_CANARY);
  }

  @Test
  void anthropicKeyNeverLeaks() throws Exception {
    Function<HttpClientSettings, ProviderUsageSource> sources =
        settings ->
            new AnthropicUsageSource(
                HardenedHttpClient.create(settings),
                server.url("/anthropic").toString(),
                ProviderTestSupport.CLOCK);
    String usage =
        "{\"data\":[{\"starting_at\":\"2026-03-02T00:00:00Z\",\"ending_at\":"
            + "\"2026-03-02T01:00:00Z\",\"results\":[{\"uncached_input_tokens\":1,"
            + "\"cache_read_input_tokens\":0,\"cache_creation\":{\"ephemeral_5m_input_tokens\":0,"
            + "\"ephemeral_1h_input_tokens\":0},\"output_tokens\":1}]}],\"has_more\":false}";
    String names = "{\"data\":[],\"has_more\":false,\"last_id\":null}";

    runEveryPath(sources, ANTHROPIC_CANARY, usage, names);

    assertThat(server.takeRequest().getHeaders().get("x-api-key")).isEqualTo(ANTHROPIC_CANARY);
    assertNothingLeaked(ANTHROPIC_CANARY);
  }

  private void runEveryPath(
      Function<HttpClientSettings, ProviderUsageSource> sources,
      String canary,
      String usage,
      String names) {
    HttpClientSettings fast = ProviderTestSupport.testSettings();
    ProviderUsageSource source = sources.apply(fast);
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
    run(() -> source.fetchUsage(key(canary), HOURS, FetchProgress.NONE));
    server.enqueue(ok(names));
    server.enqueue(ok(names));
    run(() -> source.fetchNames(key(canary)));
    for (int status : new int[] {400, 401, 403, 404, 429, 500, 529}) {
      server.enqueue(
          new MockResponse.Builder()
              .code(status)
              .addHeader("Retry-After", canary)
              .body(echo)
              .build());
      run(() -> source.fetchCosts(key(canary), DAYS, FetchProgress.NONE));
    }
    server.enqueue(ok("{\"data\":[" + canary + "]}"));
    run(() -> source.fetchUsage(key(canary), HOURS, FetchProgress.NONE));
    server.enqueue(
        ok(usage.replace("\"output_tokens\":1", "\"output_tokens\":\"" + canary + "\"")));
    run(() -> source.fetchUsage(key(canary), HOURS, FetchProgress.NONE));
    server.enqueue(ok("{\"data\":[],\"has_more\":false,\"x\":\"" + canary.repeat(200) + "\"}"));
    run(
        () ->
            sources
                .apply(fast.withMaxResponseBytes(1024))
                .fetchUsage(key(canary), HOURS, FetchProgress.NONE));
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", "http://127.0.0.1:9/?key=" + canary)
            .build());
    run(() -> source.fetchUsage(key(canary), HOURS, FetchProgress.NONE));
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    run(
        () ->
            sources
                .apply(
                    fast.withTimeouts(
                        Duration.ofSeconds(1),
                        Duration.ofMillis(200),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2)))
                .fetchUsage(key(canary), HOURS, FetchProgress.NONE));
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(usage + " ".repeat(4096))
            .throttleBody(256, 100, java.util.concurrent.TimeUnit.MILLISECONDS)
            .build());
    run(
        () ->
            sources
                .apply(
                    fast.withTimeouts(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        Duration.ofMillis(500)))
                .fetchUsage(key(canary), HOURS, FetchProgress.NONE));
    run(() -> source.fetchUsage(key(canary + "\n"), HOURS, FetchProgress.NONE));
  }

  private void run(Runnable call) {
    try {
      call.run();
    } catch (ProviderCallException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      seen.add(trace.toString());
    }
  }

  private void assertNothingLeaked(String canary) {
    for (ILoggingEvent event : logs.list) {
      seen.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        seen.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
    }
    assertThat(logs.list).isNotEmpty();
    assertThat(seen).hasSizeGreaterThan(logs.list.size() + 10);
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
