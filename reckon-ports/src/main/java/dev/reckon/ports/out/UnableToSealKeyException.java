package dev.reckon.ports.out;

/** Sealing failed. The message is fixed text free of key material; the cause is chained. */
public final class UnableToSealKeyException extends RuntimeException {

  public UnableToSealKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
