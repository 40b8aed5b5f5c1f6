package dev.reckon.ports.in;

/** The provider key does not exist in the caller's organization. */
public final class NoSuchProviderKeyException extends RuntimeException {

  public NoSuchProviderKeyException(String message) {
    super(message);
  }
}
