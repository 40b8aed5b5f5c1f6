package dev.reckon.ports.out;

import java.util.Arrays;
import java.util.Objects;

/**
 * An opaque sealed provider key as stored in the database: an envelope holding the encrypted key
 * and its wrapped data key. Not secret on its own, but never logged either.
 */
public final class SealedKey {

  private final byte[] envelope;

  public SealedKey(byte[] envelope) {
    Objects.requireNonNull(envelope, "envelope");
    this.envelope = envelope.clone();
  }

  /** Returns a copy of the stored bytes. */
  public byte[] bytes() {
    return envelope.clone();
  }

  public int length() {
    return envelope.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SealedKey that && Arrays.equals(envelope, that.envelope);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(envelope);
  }

  @Override
  public String toString() {
    return "SealedKey[" + envelope.length + " bytes]";
  }
}
