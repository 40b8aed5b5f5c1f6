package dev.reckon.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.kms.Envelope;
import dev.reckon.adapter.postgres.JdbiDeadLetterRepository;
import dev.reckon.adapter.postgres.JdbiOrganizationRepository;
import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.out.DeadLetter;
import dev.reckon.sandbox.InjectedFailure;
import dev.reckon.sandbox.ProviderSandbox;
import dev.reckon.sandbox.SandboxAdminKey;
import dev.reckon.sandbox.SandboxProvider;
import dev.reckon.sandbox.SandboxSettings;
import dev.reckon.worker.config.WorkerConfig;
import dev.reckon.worker.jobs.JobMetrics;
import dev.reckon.worker.jobs.JobRunner;
import dev.reckon.worker.jobs.JobScope;
import dev.reckon.worker.jobs.JobSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduled jobs against real PostgreSQL and the provider sandbox, with timings shortened so
 * retries, reconciliation and heartbeats take under a second.
 */
class JobSchedulerIT {

  private static final Clock CLOCK = Clock.systemUTC();
  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final int MAX_ATTEMPTS = 3;

  private TestDatabase database;
  private ProviderSandbox sandbox;
  private CommandRunner reckon;
  private final List<AutoCloseable> running = new ArrayList<>();
  private final CountingMetrics metrics = new CountingMetrics();
  @TempDir Path stateDir;

  @BeforeEach
  void setUp() {
    database = TestDatabase.create();
    sandbox = ProviderSandbox.start(SandboxSettings.defaults().withPort(0).withClock(CLOCK));
    reckon = new CommandRunner(database, stateDir, CLOCK, env());
    assertThat(reckon.run("orgs", "create", "--slug", "acme", "--name", "Acme").exitCode())
        .isZero();
  }

  @AfterEach
  void tearDown() throws Exception {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
    sandbox.close();
    database.close();
  }

  @Test
  void twoSchedulersRunEachKeyOnce() {
    List<String> keyIds = new ArrayList<>();
    for (SandboxAdminKey key : sandbox.adminKeys()) {
      keyIds.add(addKey(key.provider(), key.key()));
    }

    startWorker("worker-a");
    startWorker("worker-b");
    Await.until(
        WAIT, () -> metrics.count("ingest-key", JobMetrics.Outcome.SUCCEEDED) >= keyIds.size());
    Await.pause(Duration.ofSeconds(2));

    assertThat(metrics.count("ingest-key", JobMetrics.Outcome.SUCCEEDED)).isEqualTo(keyIds.size());
    for (String keyId : keyIds) {
      assertThat(health(keyId).lastSuccessAt()).as(keyId).isNotNull();
    }
  }

  @Test
  void throttledKeyRetriesThenDeadLetters() {
    String key = sandboxKey(SandboxProvider.OPENAI);
    String keyId = addKey(SandboxProvider.OPENAI, key);
    String other = addKey(SandboxProvider.ANTHROPIC, sandboxKey(SandboxProvider.ANTHROPIC));
    sandbox.injectFailures(key, InjectedFailure.rateLimited(Duration.ofSeconds(1)), 1_000);
    long before = openAiRequests();

    startWorker("worker-a");
    Await.until(WAIT, () -> !deadLetters(keyId).isEmpty());
    long atDeadLetter = openAiRequests();
    Await.pause(Duration.ofSeconds(2));

    DeadLetter letter = deadLetters(keyId).get(0);
    assertThat(letter.attempts()).isEqualTo(MAX_ATTEMPTS);
    assertThat(letter.errorCategory()).isEqualTo("rate_limited");
    assertThat(letter.errorMessage()).contains("rate limited").contains("429");
    assertThat(letter.open()).isTrue();
    // Each attempt makes one call for display names, which fails softly, and one for usage.
    assertThat(atDeadLetter - before).isBetween((long) MAX_ATTEMPTS, 2L * MAX_ATTEMPTS);
    assertThat(openAiRequests()).isEqualTo(atDeadLetter);
    assertThat(metrics.count("ingest-key", JobMetrics.Outcome.RETRIED)).isEqualTo(MAX_ATTEMPTS - 1);
    assertThat(metrics.count("ingest-key", JobMetrics.Outcome.DEAD_LETTERED)).isEqualTo(1);
    assertThat(health(keyId).consecutiveFailures()).isEqualTo(MAX_ATTEMPTS);
    assertThat(health(other).lastSuccessAt()).isNotNull();
  }

  @Test
  void retryOfDeadLetterRunsKeyAgain() {
    String key = sandboxKey(SandboxProvider.OPENAI);
    String keyId = addKey(SandboxProvider.OPENAI, key);
    // Two calls per attempt: display names, whose failure is soft, and usage.
    sandbox.injectFailures(key, InjectedFailure.serverError(), 2 * MAX_ATTEMPTS);
    startWorker("worker-a");
    Await.until(WAIT, () -> !deadLetters(keyId).isEmpty());

    services().keyHealth().retry(org(), deadLetters(keyId).get(0).id());
    Await.until(WAIT, () -> health(keyId).lastSuccessAt() != null);

    assertThat(deadLetters(keyId)).allMatch(letter -> !letter.open());
    assertThat(health(keyId).consecutiveFailures()).isZero();
  }

  @Test
  void rejectedKeyStopsUntilReplaced() {
    String keyId =
        addKey(SandboxProvider.OPENAI, "sk-admin-FAKE-revoked-000000000000000000000dead");
    startWorker("worker-a");
    Await.until(WAIT, () -> "key_rejected".equals(health(keyId).lastErrorCategory()));
    long callsAfterRejection =
        sandbox.requestCounts().values().stream().mapToLong(Long::longValue).sum();

    Await.pause(Duration.ofSeconds(2));
    long callsLater = sandbox.requestCounts().values().stream().mapToLong(Long::longValue).sum();
    CommandRunner.Result replaced =
        reckon.runWithInput(
            sandboxKey(SandboxProvider.OPENAI) + "\n",
            "keys",
            "replace",
            "--org",
            "acme",
            "--id",
            keyId);
    Await.until(WAIT, () -> health(keyId).lastSuccessAt() != null);

    assertThat(callsAfterRejection).isEqualTo(1);
    assertThat(callsLater).isEqualTo(callsAfterRejection);
    assertThat(replaced.exitCode()).as(replaced.err()).isZero();
  }

  @Test
  void deletionRequestRemovesOrganizationAndItsJobs() {
    String keyId = addKey(SandboxProvider.ANTHROPIC, sandboxKey(SandboxProvider.ANTHROPIC));
    startWorker("worker-a");
    Await.until(WAIT, () -> health(keyId).lastSuccessAt() != null);
    OrgId orgId = org();

    new JdbiOrganizationRepository(database.web()).requestDeletion(orgId, Instant.now());
    Await.until(WAIT, () -> organizationCount() == 0);
    Await.until(WAIT, () -> jobsOf(orgId) == 0);

    assertThat(reckon.run("keys", "list", "--org", "acme").err()).contains("acme");
  }

  @Test
  void backgroundRewrapMovesKeysToNewVersion() {
    String keyId = addKey(SandboxProvider.OPENAI, sandboxKey(SandboxProvider.OPENAI));
    assertThat(reckon.run("keys", "rotate-master-key").exitCode()).isZero();
    startWorker("worker-a");

    CommandRunner.Result scheduled = reckon.run("keys", "rewrap", "--in-background");
    Await.until(WAIT, () -> masterKeyIdOf(keyId).equals("local:v2"));

    assertThat(scheduled.out()).contains("Re-wrapping scheduled");
  }

  @Test
  void jobTableHoldsIdsOnly() {
    String key = sandboxKey(SandboxProvider.ANTHROPIC);
    String keyId = addKey(SandboxProvider.ANTHROPIC, key);
    startWorker("worker-a");
    Await.until(WAIT, () -> health(keyId).lastSuccessAt() != null);

    List<Map<String, Object>> rows =
        database
            .owner()
            .withHandle(
                handle ->
                    handle
                        .createQuery(
                            "select task_name, task_instance,"
                                + " convert_from(coalesce(task_data, ''::bytea), 'UTF8') as data"
                                + " from reckon.scheduled_tasks")
                        .mapToMap()
                        .list());
    String secretPart = key.substring(key.lastIndexOf('-') + 1);
    assertThat(rows).isNotEmpty();
    for (Map<String, Object> row : rows) {
      String text = row.toString();
      for (int i = 0; i + 5 <= secretPart.length(); i++) {
        assertThat(text).doesNotContain(secretPart.substring(i, i + 5));
      }
      assertThat(text).doesNotContain("sealed").doesNotContain("local:v");
      assertThat(String.valueOf(row.get("data")))
          .matches(
              "|null|\\{\"orgId\":\"[0-9a-f-]{36}\",\"keyId\":\"[0-9a-f-]{36}\","
                  + "\"failedAttempts\":[0-9]+,\"firstFailureAt\":(null|\"[^\"]+\")\\}"
                  + "|\\{\"orgId\":\"[0-9a-f-]{36}\"\\}");
    }
  }

  private void startWorker(String name) {
    Services services = services(name);
    JobRunner runner = services.jobRunner(JobScope.NONE, metrics);
    runner.start();
    running.add(services);
    running.add(runner);
  }

  private Services services() {
    Services services = services("reader");
    running.add(services);
    return services;
  }

  private Services services(String name) {
    Map<String, String> env = new HashMap<>(reckon.env());
    env.put("RECKON_WORKER_NAME", name);
    WorkerConfig config = WorkerConfig.fromEnvironment(env).withJobs(fastJobs());
    return new Services(config, CLOCK);
  }

  private static JobSettings fastJobs() {
    return new JobSettings(
        Duration.ofHours(1),
        Duration.ofMillis(1),
        4,
        2,
        MAX_ATTEMPTS,
        Duration.ofMillis(200),
        Duration.ofSeconds(1),
        Duration.ofMillis(100),
        Duration.ofSeconds(1),
        4,
        Duration.ofMillis(300),
        Duration.ofSeconds(5));
  }

  private Map<String, String> env() {
    return Map.of(
        "RECKON_OPENAI_BASE_URL", sandbox.openAiBaseUrl(),
        "RECKON_ANTHROPIC_BASE_URL", sandbox.anthropicBaseUrl(),
        "RECKON_MAX_BACKFILL_DAYS", "2");
  }

  private String addKey(SandboxProvider provider, String key) {
    String id = provider == SandboxProvider.OPENAI ? "openai" : "anthropic";
    CommandRunner.Result added =
        reckon.runWithInput(
            key + "\n", "keys", "add", "--org", "acme", "--provider", id, "--label", id);
    assertThat(added.exitCode()).as(added.err()).isZero();
    return added.out().split(" ")[3];
  }

  private OrgId org() {
    return database
        .owner()
        .withHandle(
            handle ->
                new OrgId(
                    handle
                        .createQuery("select reckon.org_id_for_slug('acme')")
                        .mapTo(UUID.class)
                        .one()));
  }

  private long organizationCount() {
    return database
        .owner()
        .withHandle(
            handle ->
                handle
                    .createQuery("select count(*) from reckon.organization_ids()")
                    .mapTo(Long.class)
                    .one());
  }

  private long jobsOf(OrgId orgId) {
    return database
        .owner()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "select count(*) from reckon.scheduled_tasks where task_instance like ?")
                    .bind(0, orgId.value() + "%")
                    .mapTo(Long.class)
                    .one());
  }

  private String masterKeyIdOf(String keyId) {
    return services()
        .webKeys()
        .find(org(), new ProviderKeyId(UUID.fromString(keyId)))
        .map(key -> Envelope.decode(key.sealed().bytes()).masterKeyId())
        .orElseThrow();
  }

  private dev.reckon.ports.out.KeyHealth health(String keyId) {
    return services().keyHealth().health(org(), new ProviderKeyId(UUID.fromString(keyId))).health();
  }

  private List<DeadLetter> deadLetters(String keyId) {
    return new JdbiDeadLetterRepository(database.worker())
        .list(org(), new ProviderKeyId(UUID.fromString(keyId)));
  }

  /** Counts requests to the sandbox's OpenAI endpoints, where only the throttled key calls. */
  private long openAiRequests() {
    return sandbox.requestCounts().entrySet().stream()
        .filter(entry -> entry.getKey().startsWith("/openai/"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private String sandboxKey(SandboxProvider provider) {
    return sandbox.adminKeys().stream()
        .filter(candidate -> candidate.provider() == provider)
        .map(SandboxAdminKey::key)
        .findFirst()
        .orElseThrow();
  }

  /** Counts job outcomes across every scheduler of a test. */
  private static final class CountingMetrics implements JobMetrics {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void jobFinished(String job, Provider provider, Outcome outcome) {
      counts.computeIfAbsent(job + "/" + outcome, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void ingestionLag(Provider provider, Duration lag) {}

    int count(String job, Outcome outcome) {
      AtomicInteger count = counts.get(job + "/" + outcome);
      return count == null ? 0 : count.get();
    }
  }
}
