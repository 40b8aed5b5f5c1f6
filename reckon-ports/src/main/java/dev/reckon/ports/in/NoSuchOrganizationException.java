package dev.reckon.ports.in;

/** The named organization does not exist (or is not visible to the caller). */
public final class NoSuchOrganizationException extends RuntimeException {

  public NoSuchOrganizationException(String message) {
    super(message);
  }
}
