package dev.reckon.web.auth;

/**
 * The signing keys could not be fetched from the JWKS URL, so no token can be checked. This is a
 * server-side outage (respond with 503), not a client error. The message names the URL, and the
 * cause is chained.
 */
public final class UnableToFetchSigningKeysException extends RuntimeException {

  public UnableToFetchSigningKeysException(String message, Throwable cause) {
    super(message, cause);
  }
}
