package dev.reckon.domain.key;

/**
 * A submitted provider key does not have the shape of an admin key for its provider. The message
 * describes the problem by category and never contains the key.
 */
public final class InvalidProviderKeyException extends IllegalArgumentException {

  public InvalidProviderKeyException(String message) {
    super(message);
  }
}
