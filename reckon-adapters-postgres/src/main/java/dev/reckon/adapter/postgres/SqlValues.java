package dev.reckon.adapter.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Conversions between Java values and the column types of this adapter's SQL. */
final class SqlValues {

  private SqlValues() {}

  /**
   * Converts an instant to a value the driver binds as {@code timestamptz}, truncated to the
   * microseconds PostgreSQL keeps, so the stored value never depends on the driver's rounding.
   */
  static OffsetDateTime timestamp(Instant instant) {
    return instant == null
        ? null
        : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Returns the name of the constraint the failed statement violated, if any. */
  static Optional<String> violatedConstraint(JdbiException e) {
    if (e.getCause() instanceof PSQLException sql) {
      ServerErrorMessage server = sql.getServerErrorMessage();
      return Optional.ofNullable(server == null ? null : server.getConstraint());
    }
    return Optional.empty();
  }
}
