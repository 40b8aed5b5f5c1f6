package dev.reckon.adapter.postgres;

/**
 * A database operation of the PostgreSQL adapter failed. The message names the operation and ids,
 * never bound values; the driver's exception is the cause.
 */
public final class UnableToAccessDatabaseException extends RuntimeException {

  public UnableToAccessDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
