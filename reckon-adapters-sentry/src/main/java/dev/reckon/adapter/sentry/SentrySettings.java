package dev.reckon.adapter.sentry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;

/**
 * Settings for error reporting to Sentry.
 *
 * <p>A null {@code dsn} turns error reporting off. A DSN contains the project's public key, so
 * {@link #toString()} shows only whether one is set, and validation errors describe what is wrong
 * with it without quoting it.
 *
 * @param dsn the Sentry DSN, such as {@code https://<public key>@<host>/<project id>}, or null
 * @param environment the Sentry environment, such as {@code production}
 * @param release the release sent with every event, or null
 */
public record SentrySettings(String dsn, String environment, String release) {

  static final String DSN_VARIABLE = "SENTRY_DSN";
  static final String ENVIRONMENT_VARIABLE = "RECKON_ENV";
  static final String RELEASE_VARIABLE = "RECKON_RELEASE";
  static final String DEFAULT_ENVIRONMENT = "development";

  // Sentry's naming rules, from docs.sentry.io "Environments" and "Naming Releases".
  private static final int MAX_ENVIRONMENT_LENGTH = 64;
  private static final int MAX_RELEASE_LENGTH = 200;

  public SentrySettings {
    checkDsn(dsn);
    checkEnvironment(environment);
    checkRelease(release);
  }

  /**
   * Reads {@code SENTRY_DSN} (unset or blank turns error reporting off), {@code RECKON_ENV}
   * (default {@code development}) and {@code RECKON_RELEASE} (optional).
   */
  public static SentrySettings fromEnvironment(Map<String, String> env) {
    Objects.requireNonNull(env, "'env' must not be null");
    String environment = blankToNull(env.get(ENVIRONMENT_VARIABLE));
    return new SentrySettings(
        blankToNull(env.get(DSN_VARIABLE)),
        environment == null ? DEFAULT_ENVIRONMENT : environment,
        blankToNull(env.get(RELEASE_VARIABLE)));
  }

  @Override
  public String toString() {
    return "SentrySettings[dsn="
        + (dsn == null ? "unset" : "set")
        + ", environment="
        + environment
        + ", release="
        + release
        + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static void checkDsn(String dsn) {
    if (dsn == null) {
      return;
    }
    URI uri;
    try {
      uri = new URI(dsn);
    } catch (URISyntaxException e) {
      // The cause is left out on purpose: URISyntaxException quotes the whole DSN.
      throw invalidDsn("it is not a valid URI");
    }
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      throw invalidDsn("its scheme is not https or http");
    }
    if (uri.getUserInfo() == null || uri.getUserInfo().isEmpty()) {
      throw invalidDsn("the public key before '@' is missing");
    }
    if (uri.getHost() == null) {
      throw invalidDsn("the host is missing");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (path.isEmpty() || path.endsWith("/")) {
      throw invalidDsn("the project id at the end of the path is missing");
    }
  }

  private static IllegalArgumentException invalidDsn(String problem) {
    return new IllegalArgumentException(
        "Invalid "
            + DSN_VARIABLE
            + ": "
            + problem
            + ". Copy the DSN from the Sentry project's Client Keys page, or unset "
            + DSN_VARIABLE
            + " to turn error reporting off.");
  }

  private static void checkEnvironment(String environment) {
    if (environment == null || environment.isBlank()) {
      throw new IllegalArgumentException(
          "'environment' must not be blank; set " + ENVIRONMENT_VARIABLE + ", such as production");
    }
    boolean rejected =
        environment.length() > MAX_ENVIRONMENT_LENGTH
            || environment.equals("None")
            || environment.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/');
    if (rejected) {
      throw new IllegalArgumentException(
          "'environment' must be at most 64 characters without whitespace or '/' and not 'None'"
              + " (was '"
              + environment
              + "')");
    }
  }

  private static void checkRelease(String release) {
    if (release == null) {
      return;
    }
    boolean rejected =
        release.isBlank()
            || release.length() > MAX_RELEASE_LENGTH
            || release.equals(".")
            || release.equals("..")
            || release.chars().anyMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\');
    if (rejected) {
      throw new IllegalArgumentException(
          "'release' must be 1 to 200 characters without line breaks, tabs, '/' or '\\'"
              + " and not '.' or '..' (was '"
              + release
              + "')");
    }
  }
}
