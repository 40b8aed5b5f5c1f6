package dev.reckon.worker.config;

import dev.reckon.adapter.kms.MasterKeyConfig;
import dev.reckon.adapter.sentry.SentrySettings;
import dev.reckon.ports.service.RetentionPolicy;
import dev.reckon.worker.jobs.JobSettings;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the worker and the command-line tools, read once from environment variables. Every
 * variable has a development default so {@code ./reckon demo} needs no configuration; production
 * mode ({@code RECKON_ENV=production}) rejects the defaults that are only safe on a laptop.
 */
public record WorkerConfig(
    boolean production,
    String databaseHost,
    int databasePort,
    String databaseName,
    String databaseSslMode,
    String adminUser,
    DatabaseUser owner,
    DatabaseUser web,
    DatabaseUser worker,
    MasterKeyConfig masterKey,
    String openAiBaseUrl,
    String anthropicBaseUrl,
    boolean allowLoopbackHttp,
    Duration pollInterval,
    int maxBackfillDays,
    JobSettings jobs,
    String workerName,
    int metricsPort,
    RetentionPolicy retention,
    SentrySettings sentry) {

  /**
   * Reads the settings, failing with one message that names the variable, its value and the fix.
   */
  public static WorkerConfig fromEnvironment(Map<String, String> env) {
    EnvReader read = new EnvReader(env);
    boolean production = read.environmentIsProduction();
    WorkerConfig config =
        new WorkerConfig(
            production,
            read.text("RECKON_DATABASE_HOST", "127.0.0.1"),
            read.port("RECKON_DATABASE_PORT", 5432),
            read.text("RECKON_DATABASE_NAME", "reckon"),
            read.text("RECKON_DATABASE_SSLMODE", production ? "verify-full" : "disable"),
            read.text("RECKON_DB_ADMIN_USER", production ? null : "postgres"),
            read.user("OWNER", "reckon_owner"),
            read.user("WEB", "reckon_web"),
            read.user("WORKER", "reckon_worker"),
            read.masterKey(production),
            read.text("RECKON_OPENAI_BASE_URL", "https://api.openai.com/v1"),
            read.text("RECKON_ANTHROPIC_BASE_URL", "https://api.anthropic.com"),
            read.flag("RECKON_ALLOW_LOOPBACK_HTTP", !production),
            read.duration("RECKON_POLL_INTERVAL", Duration.ofHours(1)),
            read.positiveInt("RECKON_MAX_BACKFILL_DAYS", 365),
            read.jobSettings(),
            read.text("RECKON_WORKER_NAME", defaultWorkerName()),
            read.portOrZero("RECKON_WORKER_METRICS_PORT", 0),
            read.retention(),
            read.sentry());
    if (production) {
      config.rejectDevelopmentDefaults(env);
    }
    return config;
  }

  /** Returns a copy whose provider base URLs point at a local provider sandbox. */
  public WorkerConfig withProviderBaseUrls(String openAi, String anthropic) {
    return new WorkerConfig(
        production,
        databaseHost,
        databasePort,
        databaseName,
        databaseSslMode,
        adminUser,
        owner,
        web,
        worker,
        masterKey,
        openAi,
        anthropic,
        allowLoopbackHttp,
        pollInterval,
        maxBackfillDays,
        jobs,
        workerName,
        metricsPort,
        retention,
        sentry);
  }

  /** Returns a copy with another cap on the first-connect backfill. */
  public WorkerConfig withMaxBackfillDays(int days) {
    return new WorkerConfig(
        production,
        databaseHost,
        databasePort,
        databaseName,
        databaseSslMode,
        adminUser,
        owner,
        web,
        worker,
        masterKey,
        openAiBaseUrl,
        anthropicBaseUrl,
        allowLoopbackHttp,
        pollInterval,
        days,
        jobs,
        workerName,
        metricsPort,
        retention,
        sentry);
  }

  /** Returns a copy with other job settings. */
  public WorkerConfig withJobs(JobSettings newJobs) {
    return new WorkerConfig(
        production,
        databaseHost,
        databasePort,
        databaseName,
        databaseSslMode,
        adminUser,
        owner,
        web,
        worker,
        masterKey,
        openAiBaseUrl,
        anthropicBaseUrl,
        allowLoopbackHttp,
        pollInterval,
        maxBackfillDays,
        newJobs,
        workerName,
        metricsPort,
        retention,
        sentry);
  }

  private static String defaultWorkerName() {
    String host = System.getenv().getOrDefault("HOSTNAME", "worker");
    return host + "-" + ProcessHandle.current().pid();
  }

  private void rejectDevelopmentDefaults(Map<String, String> env) {
    if (allowLoopbackHttp) {
      throw new ConfigException(
          "RECKON_ALLOW_LOOPBACK_HTTP=true is not allowed when RECKON_ENV=production: provider calls"
              + " must use https");
    }
    if (!env.containsKey("RECKON_DATABASE_HOST")) {
      throw new ConfigException(
          "RECKON_DATABASE_HOST is not set and RECKON_ENV=production: set it to the production"
              + " database server");
    }
  }

  /** A database login: user name and an optional password. */
  public record DatabaseUser(String name, String password) {

    @Override
    public String toString() {
      return name + (password == null ? "" : " (password set)");
    }
  }
}
