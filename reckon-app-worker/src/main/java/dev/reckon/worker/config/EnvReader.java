package dev.reckon.worker.config;

import dev.reckon.adapter.kms.MasterKeyConfig;
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
