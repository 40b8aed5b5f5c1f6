package dev.reckon.ports.in;

/** No open dead letter with this id exists in the caller's organization. */
public final class NoSuchDeadLetterException extends RuntimeException {

  public NoSuchDeadLetterException(String message) {
    super(message);
  }
}
