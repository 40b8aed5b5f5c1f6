package dev.reckon.web.auth;

/**
 * The development signing keys could not be created, read or trusted. The message names the file or
 * folder and the fix, never key material. The cause is chained where there is one.
 */
public final class UnableToLoadDevSigningKeysException extends RuntimeException {

  public UnableToLoadDevSigningKeysException(String message) {
    super(message);
  }

  public UnableToLoadDevSigningKeysException(String message, Throwable cause) {
    super(message, cause);
  }
}
