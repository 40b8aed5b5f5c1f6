package dev.reckon.worker.config;

import dev.reckon.adapter.kms.MasterKeyConfig;
import dev.reckon.adapter.sentry.SentrySettings;
import dev.reckon.ports.service.RetentionPolicy;
import dev.reckon.worker.jobs.JobSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** Typed reads of environment variables with messages that name the variable and the fix. */
final class EnvReader {

  private final Map<String, String> env;

  EnvReader(Map<String, String> env) {
    this.env = env;
  }

  boolean environmentIsProduction() {
    String value = text("RECKON_ENV", "development").toLowerCase(Locale.ROOT);
    return switch (value) {
      case "production" -> true;
      case "development", "test" -> false;
      default ->
          throw new ConfigException(
              "RECKON_ENV '" + value + "' is invalid: use development, test or production");
    };
  }

  MasterKeyConfig masterKey(boolean production) {
    try {
      return MasterKeyConfig.fromEnvironment(env, production);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** Reads the job settings; the poll interval is RECKON_POLL_INTERVAL, shared with --once. */
  JobSettings jobSettings() {
    JobSettings defaults = JobSettings.defaults();
    int threads = positiveInt("RECKON_WORKER_THREADS", defaults.threads());
    int perOrganization = positiveInt("RECKON_WORKER_MAX_PER_ORG", Math.max(1, threads / 4));
    if (perOrganization > threads) {
      throw new ConfigException(
          "RECKON_WORKER_MAX_PER_ORG '"
              + perOrganization
              + "' is invalid: use a number from 1 to RECKON_WORKER_THREADS ("
              + threads
              + ")");
    }
    try {
      return jobSettings(defaults, threads, perOrganization);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private JobSettings jobSettings(JobSettings defaults, int threads, int perOrganization) {
    return new JobSettings(
        duration("RECKON_POLL_INTERVAL", defaults.pollInterval()),
        duration("RECKON_POLL_JITTER", defaults.maxJitter()),
        threads,
        perOrganization,
        positiveInt("RECKON_JOB_MAX_ATTEMPTS", defaults.maxAttempts()),
        duration("RECKON_JOB_BACKOFF_BASE", defaults.backoffBase()),
        duration("RECKON_JOB_BACKOFF_MAX", defaults.backoffMax()),
        duration("RECKON_WORKER_POLLING_INTERVAL", defaults.pollingInterval()),
        duration("RECKON_WORKER_HEARTBEAT_INTERVAL", defaults.heartbeatInterval()),
        positiveInt("RECKON_WORKER_MISSED_HEARTBEATS", defaults.missedHeartbeats()),
        duration("RECKON_RECONCILE_INTERVAL", defaults.reconcileInterval()),
        duration("RECKON_WORKER_SHUTDOWN_GRACE", defaults.shutdownGrace()));
  }

  /** Reads the retention days per plan: Free 30 and Pro 365 unless set. */
  RetentionPolicy retention() {
    try {
      return RetentionPolicy.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** Reads the error reporting settings: off unless SENTRY_DSN is set. */
  SentrySettings sentry() {
    try {
      return SentrySettings.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** Reads a port number, where 0 means the feature is off. */
  int portOrZero(String name, int fallback) {
    String value = text(name, null);
    if (value == null || value.equals("0")) {
      return value == null ? fallback : 0;
    }
    return port(name, fallback);
  }

  String text(String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  int port(String name, int fallback) {
    int port = positiveInt(name, fallback);
    if (port > 65_535) {
      throw new ConfigException(
          name + " '" + port + "' is invalid: use a port number from 1 to 65535");
    }
    return port;
  }

  WorkerConfig.DatabaseUser user(String role, String defaultName) {
    String name = text("RECKON_DB_" + role + "_USER", defaultName);
    String password = env.get("RECKON_DB_" + role + "_PASSWORD");
    return new WorkerConfig.DatabaseUser(
        name, password == null || password.isEmpty() ? null : password);
  }

  boolean flag(String name, boolean fallback) {
    String value = text(name, null);
    if (value == null) {
      return fallback;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new ConfigException(name + " '" + value + "' is invalid: use true or false");
    };
  }

  Duration duration(String name, Duration fallback) {
    String value = text(name, null);
    if (value == null) {
      return fallback;
    }
    try {
      Duration duration = Duration.parse(value.toUpperCase(Locale.ROOT));
      if (duration.isNegative() || duration.isZero()) {
        throw new ConfigException(
            name + " '" + value + "' must be a positive duration, such as PT1H");
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          name + " '" + value + "' is invalid: use an ISO-8601 duration such as PT1H or PT15M");
    }
  }

  int positiveInt(String name, int fallback) {
    String value = text(name, null);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number < 1) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new ConfigException(
          name + " '" + value + "' is invalid: use a whole number of at least 1");
    }
  }
}
