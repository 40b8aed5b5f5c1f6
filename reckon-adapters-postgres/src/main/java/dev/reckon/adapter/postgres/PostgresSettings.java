package dev.reckon.adapter.postgres;

import java.util.List;
import java.util.Objects;

/**
 * Location of Reckon's database and names of the roles that use it: typed settings an app reads
 * from its configuration once and passes in.
 *
 * <p>{@code sslMode} is the PostgreSQL JDBC driver's {@code sslmode}: {@code disable} for a server
 * on loopback, {@code verify-full} for a server reached over a network.
 */
public record PostgresSettings(
    String host, int port, String database, DatabaseRoles roles, String sslMode) {

  private static final List<String> SSL_MODES =
      List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

  public PostgresSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(roles, "roles");
    Objects.requireNonNull(sslMode, "sslMode");
    if (host.isBlank() || !host.matches("[A-Za-z0-9.:\\[\\]-]+")) {
      throw new IllegalArgumentException(
          "'host' must be a host name or IP address (was '" + host + "')");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("'port' must be 1 to 65535 (was " + port + ")");
    }
    DatabaseRoles.requireIdentifier("database", database);
    if (!SSL_MODES.contains(sslMode)) {
      throw new IllegalArgumentException(
          "'sslMode' must be one of " + String.join(", ", SSL_MODES) + " (was '" + sslMode + "')");
    }
  }

  /** Returns the JDBC URL of the database, without user or password. */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?sslmode=" + sslMode;
  }

  /** Returns the same server and roles with another database name. */
  public PostgresSettings withDatabase(String otherDatabase) {
    return new PostgresSettings(host, port, otherDatabase, roles, sslMode);
  }
}
