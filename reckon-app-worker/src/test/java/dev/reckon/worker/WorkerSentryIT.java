package dev.reckon.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.adapter.sentry.ErrorReporting;
import dev.reckon.adapter.sentry.SentrySettings;
import dev.reckon.sandbox.ProviderSandbox;
import dev.reckon.sandbox.SandboxAdminKey;
import dev.reckon.sandbox.SandboxProvider;
import dev.reckon.sandbox.SandboxSettings;
import dev.reckon.worker.config.WorkerConfig;
import dev.reckon.worker.jobs.JobMetrics;
import dev.reckon.worker.jobs.JobRunner;
import dev.reckon.worker.jobs.JobSettings;
import dev.reckon.worker.jobs.SentryJobScope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs of two organizations on one worker thread, with error reporting sent to a loopback server.
 * Organization A's job succeeds, then B's fails with a dead letter. The one event sent carries B's
 * id only and no fragment of B's key.
 */
class WorkerSentryIT {

  private static final Clock CLOCK = Clock.systemUTC();

  private final List<String> envelopes = new CopyOnWriteArrayList<>();
  private final MockWebServer sentry = new MockWebServer();
  private TestDatabase database;
  private ProviderSandbox sandbox;
  @TempDir Path stateDir;

  @BeforeEach
  void setUp() throws Exception {
    sentry.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            envelopes.add(body(request));
            return new MockResponse.Builder().code(200).body("{}").build();
          }
        });
    sentry.start(InetAddress.getLoopbackAddress(), 0);
    database = TestDatabase.create();
    sandbox = ProviderSandbox.start(SandboxSettings.defaults().withPort(0).withClock(CLOCK));
  }

  @AfterEach
  void tearDown() {
    sandbox.close();
    database.close();
    sentry.close();
  }

  @Test
  void failedJobReportsOnlyItsOrganization() throws Exception {
    CommandRunner reckon = new CommandRunner(database, stateDir, CLOCK, env());
    String orgA = createOrg(reckon, "alpha");
    String orgB = createOrg(reckon, "bravo");
    addKey(reckon, "alpha", sandboxKey(SandboxProvider.ANTHROPIC), "anthropic");
    String keyB = sandboxKey(SandboxProvider.OPENAI);

    Services services = new Services(config(), CLOCK);
    try (services;
        ErrorReporting reporting =
            ErrorReporting.start(
                new SentrySettings(
                    "http://publickey@127.0.0.1:" + sentry.getPort() + "/1", "test", null));
        JobRunner runner = services.jobRunner(new SentryJobScope(), JobMetrics.NONE)) {
      runner.start();
      waitUntil(() -> succeeded("alpha"));
      String keyIdB = addKey(reckon, "bravo", keyB, "openai");
      alterEnvelope("bravo", keyIdB);
      waitUntil(() -> envelopes.stream().anyMatch(body -> body.contains("\"org_id\"")));
    }

    List<String> events = envelopes.stream().filter(body -> body.contains("\"org_id\"")).toList();
    assertThat(events).hasSize(1);
    assertThat(events.get(0)).contains("\"org_id\":\"" + orgB + "\"").doesNotContain(orgA);
    String secretPart = keyB.substring(keyB.lastIndexOf('-') + 1);
    for (String envelope : envelopes) {
      for (int i = 0; i + 5 <= secretPart.length(); i++) {
        assertThat(envelope).doesNotContain(secretPart.substring(i, i + 5));
      }
    }
  }

  /** Returns the envelope text, which the Sentry client sends gzip-compressed. */
  private static String body(RecordedRequest request) {
    byte[] bytes = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    if (!"gzip".equalsIgnoreCase(request.getHeaders().get("Content-Encoding"))) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the envelope is not valid gzip", e);
    }
  }

  private WorkerConfig config() {
    Map<String, String> env =
        new HashMap<>(new CommandRunner(database, stateDir, CLOCK, env()).env());
    env.put("RECKON_WORKER_NAME", "worker-sentry");
    return WorkerConfig.fromEnvironment(env)
        .withJobs(
            new JobSettings(
                Duration.ofHours(1),
                Duration.ofMillis(1),
                1,
                1,
                1,
                Duration.ofMillis(200),
                Duration.ofSeconds(1),
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                4,
                Duration.ofMillis(300),
                Duration.ofSeconds(5)));
  }

  private Map<String, String> env() {
    return Map.of(
        "RECKON_OPENAI_BASE_URL", sandbox.openAiBaseUrl(),
        "RECKON_ANTHROPIC_BASE_URL", sandbox.anthropicBaseUrl(),
        "RECKON_MAX_BACKFILL_DAYS", "2");
  }

  private static String createOrg(CommandRunner reckon, String slug) {
    CommandRunner.Result created = reckon.run("orgs", "create", "--slug", slug, "--name", slug);
    assertThat(created.exitCode()).as(created.err()).isZero();
    return created.out().substring(created.out().indexOf('(') + 1, created.out().indexOf(')'));
  }

  private static String addKey(CommandRunner reckon, String org, String key, String provider) {
    CommandRunner.Result added =
        reckon.runWithInput(
            key + "\n", "keys", "add", "--org", org, "--provider", provider, "--label", provider);
    assertThat(added.exitCode()).as(added.err()).isZero();
    return added.out().split(" ")[3];
  }

  /** Returns whether every key of the organization has a successful run. */
  private boolean succeeded(String slug) {
    return database
        .owner()
        .inTransaction(
            handle -> {
              String orgId =
                  handle
                      .createQuery("select reckon.org_id_for_slug(?)::text")
                      .bind(0, slug)
                      .mapTo(String.class)
                      .one();
              handle.execute("select set_config('app.org_id', ?, true)", orgId);
              return handle
                  .createQuery(
                      "select count(*) > 0 and bool_and(last_success_at is not null)"
                          + " from reckon.provider_keys")
                  .mapTo(Boolean.class)
                  .one();
            });
  }

  /** Flips the last byte of the stored envelope, so opening the key fails for good. */
  private void alterEnvelope(String slug, String keyId) {
    database
        .owner()
        .useTransaction(
            handle -> {
              String orgId =
                  handle
                      .createQuery("select reckon.org_id_for_slug(?)::text")
                      .bind(0, slug)
                      .mapTo(String.class)
                      .one();
              handle.execute("select set_config('app.org_id', ?, true)", orgId);
              handle.execute(
                  "update reckon.provider_keys set sealed = overlay(sealed placing"
                      + " set_byte('\\x00'::bytea, 0, 255 - get_byte(sealed, length(sealed) - 1))"
                      + " from length(sealed) for 1) where id = ?::uuid",
                  keyId);
            });
  }

  private String sandboxKey(SandboxProvider provider) {
    return sandbox.adminKeys().stream()
        .filter(candidate -> candidate.provider() == provider)
        .map(SandboxAdminKey::key)
        .findFirst()
        .orElseThrow();
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(40);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not met within 40 seconds");
      }
      Thread.sleep(100);
    }
  }
}
