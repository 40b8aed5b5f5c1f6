package dev.reckon.adapter.kms;

import dev.reckon.domain.secret.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A new data key in plaintext, the same key wrapped by a master key, and the id of that master key.
 * Closing it zeroes the plaintext, and {@link #toString()} never shows key bytes.
 */
public final class GeneratedDataKey implements AutoCloseable {

  private final SecretBytes plaintext;
  private final byte[] wrappedDataKey;
  private final String masterKeyId;

  /**
   * Takes ownership of {@code plaintext}, and closes it when an argument is invalid, so that a
   * generator never leaks a data key through a failed construction.
   *
   * @throws IllegalArgumentException when the plaintext is not 256 bits, the wrapped key is not 1
   *     to 4096 bytes, or the master key id is not 1 to 255 UTF-8 bytes
   */
  public GeneratedDataKey(SecretBytes plaintext, byte[] wrappedDataKey, String masterKeyId) {
    Objects.requireNonNull(plaintext, "plaintext");
    try {
      requireValid(plaintext, wrappedDataKey, masterKeyId);
    } catch (RuntimeException e) {
      plaintext.close();
      throw e;
    }
    this.plaintext = plaintext;
    this.wrappedDataKey = wrappedDataKey.clone();
    this.masterKeyId = masterKeyId;
  }

  /** Returns the plaintext data key itself, not a copy; the caller must not keep or modify it. */
  public byte[] unsafeRevealPlaintextWithoutCopy() {
    return plaintext.unsafeRevealBytesWithoutCopy();
  }

  /** Returns a copy of the wrapped data key, which is safe to store. */
  public byte[] wrappedDataKey() {
    return wrappedDataKey.clone();
  }

  public String masterKeyId() {
    return masterKeyId;
  }

  /** Zeroes the plaintext data key. Safe to call more than once. */
  @Override
  public void close() {
    plaintext.close();
  }

  @Override
  public String toString() {
    return "GeneratedDataKey[masterKeyId=" + masterKeyId + ", plaintext=redacted]";
  }

  private static void requireValid(
      SecretBytes plaintext, byte[] wrappedDataKey, String masterKeyId) {
    Objects.requireNonNull(wrappedDataKey, "wrappedDataKey");
    Objects.requireNonNull(masterKeyId, "masterKeyId");
    if (plaintext.length() != AesGcm.KEY_BYTES) {
      throw new IllegalArgumentException(
          "'plaintext' must be a 256-bit data key (was " + plaintext.length() + " bytes)");
    }
    if (wrappedDataKey.length == 0 || wrappedDataKey.length > Envelope.MAX_WRAPPED_DATA_KEY_BYTES) {
      throw new IllegalArgumentException(
          "'wrappedDataKey' must be 1 to 4096 bytes (was " + wrappedDataKey.length + " bytes)");
    }
    int keyIdLength = masterKeyId.getBytes(StandardCharsets.UTF_8).length;
    if (keyIdLength == 0 || keyIdLength > Envelope.MAX_MASTER_KEY_ID_BYTES) {
      throw new IllegalArgumentException(
          "'masterKeyId' must be 1 to 255 UTF-8 bytes (was " + keyIdLength + " bytes)");
    }
  }
}
