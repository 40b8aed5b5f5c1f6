package dev.reckon.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.adapter.sentry.ErrorReporting;
import dev.reckon.adapter.sentry.FakeSentryServer;
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
import io.sentry.SentryEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private static final Duration WAIT = Duration.ofSeconds(40);

  private FakeSentryServer sentry;
  private TestDatabase database;
  private ProviderSandbox sandbox;
  @TempDir Path stateDir;

  @BeforeEach
  void setUp() throws Exception {
    sentry = FakeSentryServer.start();
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
            ErrorReporting.start(new SentrySettings(sentry.dsn(), "test", null));
        JobRunner runner = services.jobRunner(new SentryJobScope(), JobMetrics.NONE)) {
      runner.start();
      Await.until(WAIT, () -> succeeded("alpha"));
      String keyIdB = addKey(reckon, "bravo", keyB, "openai");
      OwnerSql.alterEnvelope(database, "bravo", keyIdB);
      Await.until(WAIT, () -> !events().isEmpty());
    }

    List<SentryEvent> events = events();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getTag("org_id")).isEqualTo(orgB);
    assertThat(sentry.receivedText()).doesNotContain(orgA);
    String secretPart = keyB.substring(keyB.lastIndexOf('-') + 1);
    for (int i = 0; i + 5 <= secretPart.length(); i++) {
      assertThat(sentry.receivedText()).doesNotContain(secretPart.substring(i, i + 5));
    }
  }

  private List<SentryEvent> events() {
    try {
      return sentry.events();
    } catch (Exception e) {
      throw new AssertionError("cannot read the events sent", e);
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
    return OwnerSql.inOrg(
        database,
        slug,
        handle ->
            handle
                .createQuery(
                    "select count(*) > 0 and bool_and(last_success_at is not null)"
                        + " from reckon.provider_keys")
                .mapTo(Boolean.class)
                .one());
  }

  private String sandboxKey(SandboxProvider provider) {
    return sandbox.adminKeys().stream()
        .filter(candidate -> candidate.provider() == provider)
        .map(SandboxAdminKey::key)
        .findFirst()
        .orElseThrow();
  }
}
