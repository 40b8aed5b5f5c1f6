package dev.reckon.worker.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.sun.management.OperatingSystemMXBean;
import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Plan;
import dev.reckon.ports.in.AddProviderKeyCommand;
import dev.reckon.ports.in.AddProviderKeyUseCase;
import dev.reckon.ports.in.CreateOrganizationCommand;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.worker.Services;
import dev.reckon.worker.config.WorkerConfig;
import dev.reckon.worker.jobs.IngestKeyJob;
import dev.reckon.worker.jobs.JobMetrics.Outcome;
import dev.reckon.worker.jobs.JobRunner;
import dev.reckon.worker.jobs.JobScope;
import dev.reckon.worker.jobs.JobSettings;
import dev.reckon.worker.metrics.WorkerMetrics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Measures how long one worker takes to ingest every key once when the provider is slow, against
 * the ideal of its threads always waiting on a provider call.
 *
 * <p>Stores the organizations and keys in a throwaway database, starts the provider sandbox with a
 * fixed latency per response in a JVM of its own, then starts one {@link JobRunner} as the worker
 * command builds it and waits until every key's first ingestion succeeded. The backfill is one day,
 * so each key makes a small fixed number of calls. Run it with {@code ./reckon bench worker
 * [flags]}; {@link PollingOptions#USAGE} lists the flags.
 */
public final class PollingBenchmark {

  private static final int BACKFILL_DAYS = 1;
  private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;
  private static final double MIB = 1024.0 * 1024.0;

  private PollingBenchmark() {}

  /** A finished or abandoned cycle: its duration and the job outcomes counted so far. */
  private record Cycle(
      double seconds,
      double firstSuccessSeconds,
      boolean complete,
      long succeeded,
      long retried,
      long failed,
      long deadLettered,
      double cpuSeconds,
      double meanRunning) {}

  public static void main(String[] args) throws Exception {
    // Only warnings and errors are logged, as for the command-line tools, so the output stays
    // readable.
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    PollingOptions options;
    try {
      options = PollingOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("reckon bench worker: " + e.getMessage());
      System.err.println(PollingOptions.USAGE);
      System.exit(2);
      return;
    }
    System.out.printf(
        "Worker polling benchmark: %,d keys in %d organizations, sandbox latency %d ms, %d threads,"
            + " at most %d per organization, backfill %d day%n",
        options.keys(),
        options.orgs(),
        options.latencyMillis(),
        options.threads(),
        options.perOrg(),
        BACKFILL_DAYS);
    JobSettings defaults = JobSettings.defaults();
    System.out.printf(
        "Other job settings are the worker's defaults: the reconciler spreads first runs over %d s,"
            + " due jobs are fetched every %d s or sooner%n",
        defaults.reconcileInterval().toSeconds(), defaults.pollingInterval().toSeconds());

    Path stateDir = Files.createTempDirectory("reckon-polling-bench");
    boolean complete;
    try (TestDatabase database = TestDatabase.create();
        SandboxProcess sandbox = SandboxProcess.start(options.latencyMillis(), stateDir)) {
      complete = run(options, database, sandbox, stateDir);
    } finally {
      deleteTree(stateDir);
    }
    System.exit(complete ? 0 : 1);
  }

  // Removes the master key file and the sandbox's state file and output.
  private static void deleteTree(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private static boolean run(
      PollingOptions options, TestDatabase database, SandboxProcess sandbox, Path stateDir)
      throws Exception {
    WorkerConfig config = config(options, database, sandbox, stateDir);
    WorkerMetrics metrics =
        new WorkerMetrics(
            Map.of(
                Provider.OPENAI, config.openAiBaseUrl(),
                Provider.ANTHROPIC, config.anthropicBaseUrl()));
    PeakMemory memory = new PeakMemory();
    Cycle cycle;
    long withSuccess;
    try (Services services = new Services(config)) {
      long started = System.nanoTime();
      List<OrgId> orgs = storeKeys(services, options, sandbox.adminKeys());
      System.out.printf(
          "Stored %d organizations and %,d keys in %.1f s%n",
          orgs.size(), options.keys(), (System.nanoTime() - started) / 1e9);

      memory.reset();
      try (JobRunner runner = services.jobRunner(JobScope.NONE, metrics)) {
        cycle = runCycle(runner, metrics, options, new RunningJobs(database));
      }
      withSuccess = keysWithSuccess(services, orgs);
    }
    long requests = sandbox.stop();
    report(options, cycle, requests, withSuccess, memory);
    return cycle.complete() && withSuccess == options.keys();
  }

  private static WorkerConfig config(
      PollingOptions options, TestDatabase database, SandboxProcess sandbox, Path stateDir) {
    Map<String, String> env = new HashMap<>();
    env.put("RECKON_ENV", "test");
    env.put("RECKON_DATABASE_HOST", database.settings().host());
    env.put("RECKON_DATABASE_PORT", Integer.toString(database.settings().port()));
    env.put("RECKON_DATABASE_NAME", database.settings().database());
    env.put("RECKON_DB_OWNER_USER", database.roles().owner());
    env.put("RECKON_DB_WEB_USER", database.roles().web());
    env.put("RECKON_DB_WORKER_USER", database.roles().worker());
    env.put("RECKON_MASTER_KEY_FILE", stateDir.resolve("master-key").toString());
    env.put("RECKON_WORKER_NAME", "polling-benchmark");
    JobSettings defaults = JobSettings.defaults();
    JobSettings jobs =
        new JobSettings(
            defaults.pollInterval(),
            defaults.maxJitter(),
            options.threads(),
            options.perOrg(),
            defaults.maxAttempts(),
            defaults.backoffBase(),
            defaults.backoffMax(),
            defaults.pollingInterval(),
            defaults.heartbeatInterval(),
            defaults.missedHeartbeats(),
            defaults.reconcileInterval(),
            defaults.shutdownGrace());
    return WorkerConfig.fromEnvironment(env)
        .withProviderBaseUrls(sandbox.baseUrl(Provider.OPENAI), sandbox.baseUrl(Provider.ANTHROPIC))
        .withMaxBackfillDays(BACKFILL_DAYS)
        .withJobs(jobs);
  }

  /**
   * Creates the organizations and spreads the keys across them in turn. The keys cycle through the
   * sandbox's admin keys, so several Reckon keys read the same provider organization.
   */
  private static List<OrgId> storeKeys(
      Services services, PollingOptions options, List<SandboxProcess.AdminKey> adminKeys) {
    List<OrgId> orgs = new ArrayList<>();
    for (int i = 0; i < options.orgs(); i++) {
      orgs.add(
          services
              .createOrganization()
              .create(
                  new CreateOrganizationCommand(
                      new OrgSlug(String.format("bench-%03d", i + 1)),
                      "Polling benchmark " + (i + 1),
                      Plan.PRO,
                      ZoneOffset.UTC))
              .id());
    }
    AddProviderKeyUseCase adder = services.addProviderKey();
    for (int i = 0; i < options.keys(); i++) {
      SandboxProcess.AdminKey adminKey = adminKeys.get(i % adminKeys.size());
      SecretBytes secret = SecretBytes.copyOf(adminKey.key().getBytes(StandardCharsets.US_ASCII));
      adder.add(
          new AddProviderKeyCommand(
              orgs.get(i % orgs.size()),
              adminKey.provider(),
              "bench key " + (i + 1),
              secret,
              "polling-benchmark"));
    }
    return orgs;
  }

  // Waits until every key's ingestion succeeded once, or until a timeout of five times the ideal
  // at one call per key plus two minutes.
  private static Cycle runCycle(
      JobRunner runner, WorkerMetrics metrics, PollingOptions options, RunningJobs running)
      throws InterruptedException {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuStarted = os.getProcessCpuTime();
    long started = System.nanoTime();
    double floorSeconds =
        (double) options.keys() * options.latencyMillis() / 1000 / options.threads();
    long deadline = started + (long) ((5 * floorSeconds + 120) * 1e9);
    long nextProgress = started + PROGRESS_EVERY_NANOS;
    runner.start();

    long succeeded = 0;
    double firstSuccessSeconds = Double.NaN;
    while (succeeded < options.keys() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      running.sampleIfDue();
      succeeded = metrics.jobCount(IngestKeyJob.NAME, Outcome.SUCCEEDED);
      if (succeeded > 0 && Double.isNaN(firstSuccessSeconds)) {
        firstSuccessSeconds = (System.nanoTime() - started) / 1e9;
      }
      if (System.nanoTime() >= nextProgress) {
        System.out.printf(
            "  %6.1f s: %,d of %,d keys ingested, %d attempts retried%n",
            (System.nanoTime() - started) / 1e9,
            succeeded,
            options.keys(),
            metrics.jobCount(IngestKeyJob.NAME, Outcome.RETRIED));
        nextProgress += PROGRESS_EVERY_NANOS;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpuStarted) / 1e9;
    return new Cycle(
        seconds,
        firstSuccessSeconds,
        succeeded >= options.keys(),
        succeeded,
        metrics.jobCount(IngestKeyJob.NAME, Outcome.RETRIED),
        metrics.jobCount(IngestKeyJob.NAME, Outcome.FAILED),
        metrics.jobCount(IngestKeyJob.NAME, Outcome.DEAD_LETTERED),
        cpuSeconds,
        running.mean());
  }

  // Reads every key back through the web role, so the count does not rest on the metrics alone.
  private static long keysWithSuccess(Services services, List<OrgId> orgs) {
    long count = 0;
    for (OrgId org : orgs) {
      for (ProviderKeyRecord key : services.webKeys().list(org)) {
        if (key.lastSuccessAt() != null) {
          count++;
        }
      }
    }
    return count;
  }

  private static void report(
      PollingOptions options, Cycle cycle, long requests, long withSuccess, PeakMemory memory) {
    double callsPerKey = (double) requests / options.keys();
    double idealSeconds = requests * (options.latencyMillis() / 1000.0) / options.threads();
    System.out.printf(
        "%-48s %s%n",
        "cycle time (start to every key ingested)",
        cycle.complete()
            ? String.format("%.1f s", cycle.seconds())
            : String.format("incomplete: stopped after %.1f s", cycle.seconds()));
    System.out.printf("%-48s %.1f s%n", "first key ingested after", cycle.firstSuccessSeconds());
    System.out.printf("%-48s %,d (%.2f per key)%n", "sandbox requests", requests, callsPerKey);
    System.out.printf("%-48s %.1f s%n", "ideal (requests x latency / threads)", idealSeconds);
    System.out.printf("%-48s %.2f%n", "cycle / ideal", cycle.seconds() / idealSeconds);
    System.out.printf(
        "%-48s %.1f of %d threads%n",
        "mean ingestion jobs running (sampled)", cycle.meanRunning(), options.threads());
    // Little's law: jobs running on average = completion rate x time per job.
    System.out.printf(
        "%-48s %.2f s (ideal %.2f s: calls per key x latency)%n",
        "mean time per ingestion job (derived)",
        cycle.meanRunning() * cycle.seconds() / options.keys(),
        callsPerKey * options.latencyMillis() / 1000.0);
    System.out.printf(
        "%-48s %,d succeeded, %,d retried, %,d failed, %,d dead-lettered%n",
        "job outcomes", cycle.succeeded(), cycle.retried(), cycle.failed(), cycle.deadLettered());
    System.out.printf(
        "%-48s %,d of %,d%n",
        "keys with a last success in the database", withSuccess, options.keys());
    System.out.printf(
        "%-48s %.1f s (%.0f%% of one core)%n",
        "worker process CPU time during the cycle",
        cycle.cpuSeconds(),
        100 * cycle.cpuSeconds() / cycle.seconds());
    System.out.printf(
        "%-48s %.0f MiB (max heap %.0f MiB)%n",
        "peak heap in use (sum of heap pool peaks)",
        memory.peakHeapBytes() / MIB,
        memory.maxHeapBytes() / MIB);
    OptionalLong resident = memory.residentHighWaterBytes();
    System.out.printf(
        "%-48s %s%n",
        "peak resident set (VmHWM)",
        resident.isEmpty()
            ? "not available"
            : String.format(
                "%.0f MiB (%s)",
                resident.getAsLong() / MIB,
                memory.residentReset() ? "reset at the cycle start" : "since the process start"));
  }
}
