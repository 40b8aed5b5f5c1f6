package dev.reckon.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.postgresql.util.PSQLException;

/** Assertions on the error PostgreSQL raised under a failed call. */
final class PostgresErrors {

  private PostgresErrors() {}

  /** Asserts that the call failed with exactly this server message (without the ERROR prefix). */
  static void assertServerError(ThrowingCallable call, String message) {
    Throwable thrown = catchThrowable(call);

    assertThat(thrown).as("the statement should have failed").isNotNull();
    Throwable cause = thrown;
    while (cause != null && !(cause instanceof PSQLException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("a PostgreSQL error under %s", thrown).isInstanceOf(PSQLException.class);
    assertThat(((PSQLException) cause).getServerErrorMessage().getMessage()).isEqualTo(message);
  }
}
