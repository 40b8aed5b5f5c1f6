package dev.reckon.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.reckon.domain.secret.SecretBytes;
import java.util.Objects;

/** Builds HikariCP connection pools that log in to Reckon's database as one role. */
public final class DataSources {

  private DataSources() {}

  /** Builds a pool for a role that authenticates without a password (trust or peer). */
  public static HikariDataSource pool(PostgresSettings settings, String role, int maximumPoolSize) {
    return new HikariDataSource(config(settings, role, maximumPoolSize));
  }

  /**
   * Builds a pool for a role that authenticates with a password. The caller still owns and closes
   * {@code password}.
   */
  public static HikariDataSource pool(
      PostgresSettings settings, String role, SecretBytes password, int maximumPoolSize) {
    Objects.requireNonNull(password, "password");
    HikariConfig config = config(settings, role, maximumPoolSize);
    // NOTE: HikariCP and the driver keep the password as a String for reconnecting, which cannot
    // be zeroed. The copy lives as long as the pool.
    config.setPassword(password.unsafeRevealAsStringForHeader());
    return new HikariDataSource(config);
  }

  private static HikariConfig config(PostgresSettings settings, String role, int maximumPoolSize) {
    Objects.requireNonNull(settings, "settings");
    DatabaseRoles.requireIdentifier("role", role);
    if (maximumPoolSize < 1) {
      throw new IllegalArgumentException(
          "'maximumPoolSize' must be at least 1 (was " + maximumPoolSize + ")");
    }

    HikariConfig config = new HikariConfig();
    config.setPoolName("reckon-" + role);
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(role);
    config.setMaximumPoolSize(maximumPoolSize);
    config.addDataSourceProperty("ApplicationName", "reckon-" + role);
    // The server's DETAIL field repeats the values of a failing row ("Failing row contains ...",
    // "Key (slug)=(...) already exists"). PostgreSQL already leaves it out for tables with
    // row-level security. This setting keeps it out of exception messages, and so out of logs, for
    // all other tables. The SQL state and constraint name stay available on the exception.
    config.addDataSourceProperty("logServerErrorDetail", "false");
    return config;
  }
}
