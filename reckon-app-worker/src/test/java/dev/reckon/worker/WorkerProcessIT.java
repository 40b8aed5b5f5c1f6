package dev.reckon.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.sandbox.ProviderSandbox;
import dev.reckon.sandbox.SandboxAdminKey;
import dev.reckon.sandbox.SandboxProvider;
import dev.reckon.sandbox.SandboxSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers as separate processes of the packaged jar, as a deployment runs them. Two share the job
 * table without running a job twice. Another worker finishes a killed worker's job. SIGTERM lets a
 * running job finish before the worker exits 0.
 */
class WorkerProcessIT {

  private static final Clock CLOCK = Clock.systemUTC();
  private static final Path WORKER_JAR = Path.of("target", "reckon-worker.jar");
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Pattern FINISHED =
      Pattern.compile("ingestion finished .*provider_key_id=\"([0-9a-f-]{36})\"");

  private TestDatabase database;
  private ProviderSandbox sandbox;
  private CommandRunner reckon;
  private final List<Process> processes = new ArrayList<>();
  @TempDir Path stateDir;

  @BeforeEach
  void setUp() {
    database = TestDatabase.create();
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    for (Process process : processes) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    sandbox.close();
    database.close();
  }

  @Test
  void twoProcessesRunEachKeyOnce() throws Exception {
    startSandbox(Duration.ZERO);
    List<String> keyIds = addEveryKey("2");

    int firstPort = freePort();
    int secondPort = freePort();
    Process first = startWorker("worker-1", Map.of("RECKON_WORKER_METRICS_PORT", "" + firstPort));
    Process second = startWorker("worker-2", Map.of("RECKON_WORKER_METRICS_PORT", "" + secondPort));
    Await.until(WAIT, () -> finishedKeys(first, second).size() >= keyIds.size());
    Thread.sleep(3_000);
    String firstMetrics = fetchMetrics(firstPort);
    String secondMetrics = fetchMetrics(secondPort);

    List<String> finished = finishedKeys(first, second);
    assertThat(finished).containsExactlyInAnyOrderElementsOf(keyIds);
    // Either worker may have run any share of the keys; together their metrics count each once.
    assertThat(succeededRuns(firstMetrics) + succeededRuns(secondMetrics)).isEqualTo(keyIds.size());
    assertThat(firstMetrics + secondMetrics)
        .contains("reckon_worker_provider_calls_total{")
        .doesNotContain(keyIds.get(0));
  }

  /** Sums the worker's successful ingestion runs over every provider. */
  private static long succeededRuns(String metrics) {
    return metrics
        .lines()
        .filter(line -> line.startsWith("reckon_worker_jobs_total{"))
        .filter(
            line -> line.contains("job=\"ingest-key\"") && line.contains("outcome=\"succeeded\""))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void killedWorkersJobIsFinishedByAnother() throws Exception {
    startSandbox(Duration.ofMillis(250));
    String keyId = addKey(SandboxProvider.OPENAI, "45");
    Process doomed = startWorker("worker-doomed");
    Await.until(WAIT, () -> watermarks(keyId) > 0);

    doomed.destroyForcibly();
    doomed.waitFor(10, TimeUnit.SECONDS);
    String atKill = usageDump(keyId);
    String committedUntil = usageWatermark(keyId);
    String committedAtKill = usageDump(database, keyId, committedUntil);
    Process survivor = startWorker("worker-survivor");
    Await.until(WAIT, () -> !finishedKeys(survivor).isEmpty());

    CommandRunner.Result clean = cleanRunInOtherDatabase(committedUntil);
    assertThat(finishedKeys(doomed)).isEmpty();
    assertThat(atKill).isNotEmpty();
    assertThat(finishedKeys(survivor)).containsExactly(keyId);
    assertThat(clean.exitCode()).as(clean.err()).isZero();
    assertThat(usageDump(keyId)).isEqualTo(cleanDump);
    // Windows commit whole and in order, so what was there at the kill is the clean run's rows
    // up to the watermark, no more and no fewer.
    assertThat(committedAtKill).isNotEmpty().isEqualTo(cleanDumpBefore);
  }

  @Test
  void sigtermLetsRunningJobFinishThenExitsZero() throws Exception {
    startSandbox(Duration.ofMillis(250));
    String keyId = addKey(SandboxProvider.OPENAI, "45");
    Process worker = startWorker("worker-stopping");
    Await.until(WAIT, () -> watermarks(keyId) > 0);

    worker.destroy();
    boolean exited = worker.waitFor(60, TimeUnit.SECONDS);

    assertThat(exited).isTrue();
    assertThat(worker.exitValue()).as(output(worker)).isZero();
    String output = output(worker);
    assertThat(finishedKeys(worker)).containsExactly(keyId);
    assertThat(output.indexOf("Stopping: running jobs may finish"))
        .as("the stop signal arrived while the job was running")
        .isBetween(0, output.indexOf("ingestion finished"));
    assertThat(output).contains("Worker stopped.");
  }

  // ---- a clean run of the same key, for comparison

  private String cleanDump;
  private String cleanDumpBefore;

  private CommandRunner.Result cleanRunInOtherDatabase(String committedUntil) {
    try (TestDatabase other = TestDatabase.create()) {
      CommandRunner cleanRunner =
          new CommandRunner(other, stateDir.resolve("clean"), CLOCK, env("45"));
      cleanRunner.run("orgs", "create", "--slug", "acme", "--name", "Acme");
      CommandRunner.Result added =
          cleanRunner.runWithInput(
              sandboxKey(SandboxProvider.OPENAI) + "\n",
              "keys",
              "add",
              "--org",
              "acme",
              "--provider",
              "openai",
              "--label",
              "openai");
      String keyId = added.out().split(" ")[3];
      CommandRunner.Result result = cleanRunner.run("worker", "--once");
      cleanDump = usageDump(other, keyId);
      cleanDumpBefore = usageDump(other, keyId, committedUntil);
      return result;
    }
  }

  // ---- helpers

  private void startSandbox(Duration latency) {
    sandbox =
        ProviderSandbox.start(
            SandboxSettings.defaults().withPort(0).withClock(CLOCK).withLatency(latency));
  }

  private List<String> addEveryKey(String backfillDays) {
    reckon = new CommandRunner(database, stateDir, CLOCK, env(backfillDays));
    reckon.run("orgs", "create", "--slug", "acme", "--name", "Acme");
    List<String> ids = new ArrayList<>();
    for (SandboxAdminKey key : sandbox.adminKeys()) {
      ids.add(add(key.provider(), key.key()));
    }
    return ids;
  }

  private String addKey(SandboxProvider provider, String backfillDays) {
    reckon = new CommandRunner(database, stateDir, CLOCK, env(backfillDays));
    reckon.run("orgs", "create", "--slug", "acme", "--name", "Acme");
    return add(provider, sandboxKey(provider));
  }

  private String add(SandboxProvider provider, String key) {
    String id = provider == SandboxProvider.OPENAI ? "openai" : "anthropic";
    CommandRunner.Result added =
        reckon.runWithInput(
            key + "\n", "keys", "add", "--org", "acme", "--provider", id, "--label", id);
    assertThat(added.exitCode()).as(added.err()).isZero();
    return added.out().split(" ")[3];
  }

  private Map<String, String> env(String backfillDays) {
    return Map.of(
        "RECKON_OPENAI_BASE_URL", sandbox.openAiBaseUrl(),
        "RECKON_ANTHROPIC_BASE_URL", sandbox.anthropicBaseUrl(),
        "RECKON_MAX_BACKFILL_DAYS", backfillDays);
  }

  private Process startWorker(String name) throws IOException {
    return startWorker(name, Map.of());
  }

  private Process startWorker(String name, Map<String, String> extra) throws IOException {
    Map<String, String> env = new HashMap<>(reckon.env());
    env.putAll(extra);
    env.put("RECKON_WORKER_NAME", name);
    env.put("RECKON_WORKER_POLLING_INTERVAL", "PT0.2S");
    env.put("RECKON_WORKER_HEARTBEAT_INTERVAL", "PT1S");
    env.put("RECKON_WORKER_MISSED_HEARTBEATS", "4");
    env.put("RECKON_RECONCILE_INTERVAL", "PT0.5S");
    env.put("RECKON_POLL_JITTER", "PT0.001S");
    env.put("RECKON_WORKER_SHUTDOWN_GRACE", "PT45S");
    Path log = stateDir.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                WORKER_JAR.toAbsolutePath().toString(),
                "worker")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    processes.add(process);
    logs.put(process, log);
    return process;
  }

  private final Map<Process, Path> logs = new HashMap<>();

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String fetchMetrics(int port) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private String output(Process process) {
    try {
      return Files.readString(logs.get(process), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read worker output", e);
    }
  }

  private List<String> finishedKeys(Process... workers) {
    List<String> keys = new ArrayList<>();
    for (Process worker : workers) {
      Matcher matcher = FINISHED.matcher(output(worker));
      while (matcher.find()) {
        keys.add(matcher.group(1));
      }
    }
    return keys;
  }

  /** Returns the key's usage watermark as stored, or an empty string when there is none. */
  private String usageWatermark(String keyId) {
    return inOrg(
        database,
        "select coalesce(max(watermark)::text, '') from reckon.ingestion_watermarks"
            + " where dataset = 'usage' and provider_key_id = '"
            + keyId
            + "'::uuid");
  }

  /** Counts the key's watermarks, which appear with the first committed window. */
  private long watermarks(String keyId) {
    return Long.parseLong(
        inOrg(
            database,
            "select count(*)::text from reckon.ingestion_watermarks where provider_key_id = '"
                + keyId
                + "'::uuid"));
  }

  private String usageDump(String keyId) {
    return usageDump(database, keyId);
  }

  /** Returns the key's usage rows older than two hours, identical for every run, as text. */
  private static String usageDump(TestDatabase db, String keyId) {
    return usageDump(db, keyId, "infinity");
  }

  /** Returns the key's usage rows older than two hours and before {@code until}, as text. */
  private static String usageDump(TestDatabase db, String keyId, String until) {
    return inOrg(
        db,
        "select coalesce(string_agg(concat_ws(',', bucket_start, model, project, api_key,"
            + " service_tier, uncached_input, cached_input, output_tokens, requests), E'\\n'"
            + " order by bucket_start, model, project, api_key, service_tier), '')"
            + " from reckon.usage_buckets where provider_key_id = '"
            + keyId
            + "'::uuid and bucket_start < date_trunc('hour', now()) - interval '2 hours'"
            + " and bucket_start < '"
            + until
            + "'::timestamptz");
  }

  private static String inOrg(TestDatabase db, String sql) {
    return OwnerSql.inOrg(db, "acme", handle -> handle.createQuery(sql).mapTo(String.class).one());
  }

  private String sandboxKey(SandboxProvider provider) {
    return sandbox.adminKeys().stream()
        .filter(candidate -> candidate.provider() == provider)
        .map(SandboxAdminKey::key)
        .findFirst()
        .orElseThrow();
  }
}
