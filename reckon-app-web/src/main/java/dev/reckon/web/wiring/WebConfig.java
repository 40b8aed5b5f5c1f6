package dev.reckon.web.wiring;

import dev.reckon.adapter.kms.MasterKeyConfig;
import dev.reckon.ports.service.RetentionPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings of the web API, read once from environment variables. The defaults serve the development
 * setup of {@code ./reckon demo}: local PostgreSQL, the local master key file and development
 * sign-in. Production mode requires a Clerk issuer and key source and rejects the development
 * defaults.
 *
 * @param retention the days of history each plan keeps, shown with the organization. It comes from
 *     RECKON_RETENTION_FREE_DAYS and RECKON_RETENTION_PRO_DAYS, which the worker's prune also
 *     reads, so set them the same for both processes.
 */
public record WebConfig(
    boolean production,
    String host,
    int port,
    String databaseHost,
    int databasePort,
    String databaseName,
    String databaseSslMode,
    String webUser,
    String webPassword,
    MasterKeyConfig masterKey,
    String clerkIssuer,
    URI clerkJwksUrl,
    Path clerkPublicKeyFile,
    Set<String> authorizedParties,
    Path devKeysFolder,
    RetentionPolicy retention) {

  public WebConfig {
    Objects.requireNonNull(retention, "retention");
  }

  /** Creates settings whose retention is {@link RetentionPolicy#defaults()}. */
  public WebConfig(
      boolean production,
      String host,
      int port,
      String databaseHost,
      int databasePort,
      String databaseName,
      String databaseSslMode,
      String webUser,
      String webPassword,
      MasterKeyConfig masterKey,
      String clerkIssuer,
      URI clerkJwksUrl,
      Path clerkPublicKeyFile,
      Set<String> authorizedParties,
      Path devKeysFolder) {
    this(
        production,
        host,
        port,
        databaseHost,
        databasePort,
        databaseName,
        databaseSslMode,
        webUser,
        webPassword,
        masterKey,
        clerkIssuer,
        clerkJwksUrl,
        clerkPublicKeyFile,
        authorizedParties,
        devKeysFolder,
        RetentionPolicy.defaults());
  }

  /**
   * Reads the settings, failing with one message that names the variable, its value and the fix.
   */
  public static WebConfig fromEnvironment(Map<String, String> env) {
    boolean production = isProduction(text(env, "RECKON_ENV", "development"));
    WebConfig config =
        new WebConfig(
            production,
            text(env, "RECKON_WEB_HOST", "127.0.0.1"),
            port(env, "RECKON_WEB_PORT", 8080),
            text(env, "RECKON_DATABASE_HOST", "127.0.0.1"),
            port(env, "RECKON_DATABASE_PORT", 5432),
            text(env, "RECKON_DATABASE_NAME", "reckon"),
            text(env, "RECKON_DATABASE_SSLMODE", production ? "verify-full" : "disable"),
            text(env, "RECKON_DB_WEB_USER", "reckon_web"),
            text(env, "RECKON_DB_WEB_PASSWORD", null),
            MasterKeyConfig.fromEnvironment(env, production),
            text(env, "RECKON_CLERK_ISSUER", null),
            uri(env, "RECKON_CLERK_JWKS_URL"),
            path(env, "RECKON_CLERK_PUBLIC_KEY_FILE"),
            list(env, "RECKON_CLERK_AUTHORIZED_PARTIES"),
            Path.of(text(env, "RECKON_DEV_KEYS_DIR", ".reckon/dev-signing-keys")),
            RetentionPolicy.fromEnvironment(env));
    if (production && config.clerkIssuer == null) {
      throw new IllegalArgumentException(
          "RECKON_CLERK_ISSUER is not set and RECKON_ENV=production: set it to your Clerk"
              + " instance's issuer URL");
    }
    if (config.clerkIssuer != null
        && config.clerkJwksUrl == null
        && config.clerkPublicKeyFile == null) {
      throw new IllegalArgumentException(
          "RECKON_CLERK_ISSUER is set but neither RECKON_CLERK_JWKS_URL nor"
              + " RECKON_CLERK_PUBLIC_KEY_FILE is: set one of them");
    }
    return config;
  }

  /** Returns whether sessions are verified with Clerk keys rather than development keys. */
  public boolean usesClerk() {
    return clerkIssuer != null;
  }

  private static boolean isProduction(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "production" -> true;
      case "development", "test" -> false;
      default ->
          throw new IllegalArgumentException(
              "RECKON_ENV '" + value + "' is invalid: use development, test or production");
    };
  }

  /** Reads the retention days of each plan, which default to {@link Plan#retentionDays()}. */
  private static String text(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = text(env, name, null);
    if (value == null) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65_535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " '" + value + "' is invalid: use a port number from 0 to 65535");
    }
  }

  private static URI uri(Map<String, String> env, String name) {
    String value = text(env, name, null);
    if (value == null) {
      return null;
    }
    try {
      return URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          name
              + " '"
              + value
              + "' is not a valid URL: use an https URL such as"
              + " https://clerk.example.com/.well-known/jwks.json");
    }
  }

  private static Path path(Map<String, String> env, String name) {
    String value = text(env, name, null);
    return value == null ? null : Path.of(value);
  }

  private static Set<String> list(Map<String, String> env, String name) {
    String value = text(env, name, "");
    return Arrays.stream(value.split(","))
        .map(String::strip)
        .filter(item -> !item.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public String toString() {
    return "WebConfig[production="
        + production
        + ", "
        + host
        + ":"
        + port
        + ", database "
        + databaseName
        + "@"
        + databaseHost
        + ":"
        + databasePort
        + "]";
  }
}
