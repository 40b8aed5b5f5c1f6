package dev.reckon.worker;

import java.sql.SQLException;

/**
 * Turns a failure into the one line a command prints: the message of the failure when it was
 * written for people, or a description with the fix for failures that come from the database.
 */
final class ErrorMessages {

  private ErrorMessages() {}

  static String describe(Throwable failure) {
    SQLException sql = findSqlException(failure);
    if (sql != null && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      if (state.startsWith("08") && String.valueOf(sql.getMessage()).contains("SSL")) {
        return "cannot connect to PostgreSQL ("
            + firstLine(sql.getMessage())
            + "): enable TLS on the server, or set RECKON_DATABASE_SSLMODE to a mode the server"
            + " supports";
      }
      if (state.startsWith("08")) {
        return "cannot connect to PostgreSQL ("
            + firstLine(sql.getMessage())
            + "): start PostgreSQL"
            + " or set RECKON_DATABASE_HOST and RECKON_DATABASE_PORT to a reachable server";
      }
      if (state.equals("3D000")) {
        return firstLine(sql.getMessage()) + ": run ./reckon migrate to create it";
      }
      if (state.startsWith("28")) {
        return "PostgreSQL rejected the login ("
            + firstLine(sql.getMessage())
            + "): run ./reckon"
            + " migrate to create the roles, or check RECKON_DB_*_USER and RECKON_DB_*_PASSWORD";
      }
      if (state.equals("42P01") || state.equals("3F000")) {
        return "the database schema is missing ("
            + firstLine(sql.getMessage())
            + "): run"
            + " ./reckon migrate";
      }
    }
    if (failure instanceof RuntimeException && failure.getMessage() != null && isOurs(failure)) {
      return failure.getMessage() + rootCause(failure);
    }
    return "unexpected " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }

  private static boolean isOurs(Throwable failure) {
    return failure instanceof IllegalArgumentException
        || failure instanceof IllegalStateException
        || failure.getClass().getName().startsWith("dev.reckon.");
  }

  /**
   * Describes the innermost cause of an adapter failure, whose own message names only the failed
   * step. Messages of Reckon's adapters and of Jdbi (configured not to render bound values) carry
   * no secrets, so the cause text is safe to print.
   */
  private static String rootCause(Throwable failure) {
    if (!failure.getClass().getSimpleName().startsWith("UnableTo")) {
      return "";
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == failure
        ? ""
        : " (" + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()) + ")";
  }

  private static SQLException findSqlException(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
