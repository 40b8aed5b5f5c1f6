package dev.reckon.adapter.kms.local;

/**
 * The local master key file could not be created, read or trusted. The message names the file and
 * what to do, never key material. The cause is chained where there is one.
 */
public final class UnableToLoadMasterKeyException extends RuntimeException {

  public UnableToLoadMasterKeyException(String message) {
    super(message);
  }

  public UnableToLoadMasterKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
