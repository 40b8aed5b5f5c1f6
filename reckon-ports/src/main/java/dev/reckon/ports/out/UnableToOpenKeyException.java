package dev.reckon.ports.out;

/**
 * Opening failed. The message is fixed, data-free text (for example "sealed key is malformed") so
 * that it is safe to log; the cause is chained where there is one.
 */
public final class UnableToOpenKeyException extends RuntimeException {

  public UnableToOpenKeyException(String message) {
    super(message);
  }

  public UnableToOpenKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
