package dev.reckon.domain.secret;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Plaintext secret bytes (a provider key or a data key) that are zeroed on {@link #close()}.
 *
 * <p>The type prints as a fixed redaction, has identity equality, is not {@link
 * java.io.Serializable}, and reveals its content only through methods whose names make that
 * explicit, so every access is easy to find. Zeroing covers the array this object owns. It cannot
 * reach copies the JVM or a library made (a {@code String} built for an HTTP header, the garbage
 * collector moving the array, a cipher's expanded key schedule), so callers keep such copies
 * short-lived.
 */
public final class SecretBytes implements AutoCloseable {

  private final byte[] bytes;
  private boolean destroyed;

  private SecretBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Takes ownership of the array: the caller must not use or zero it afterwards. */
  public static SecretBytes takeOwnership(byte[] bytes) {
    return new SecretBytes(Objects.requireNonNull(bytes, "bytes"));
  }

  /** Copies the array; the caller stays responsible for zeroing its own array. */
  public static SecretBytes copyOf(byte[] bytes) {
    return new SecretBytes(Arrays.copyOf(bytes, bytes.length));
  }

  /** Encodes characters as UTF-8 without an intermediate {@code String}. */
  public static SecretBytes fromChars(char[] chars) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return new SecretBytes(bytes);
  }

  public int length() {
    requireLive();
    return bytes.length;
  }

  /**
   * Returns the owned array itself, not a copy, for code that must hand the bytes to a cipher. The
   * caller must not keep, log or modify it.
   */
  public byte[] unsafeRevealBytesWithoutCopy() {
    requireLive();
    return bytes;
  }

  /**
   * Decodes the bytes into a new {@code String}, which cannot be zeroed. Only for the moment an
   * HTTP header is built.
   */
  public String unsafeRevealAsStringForHeader() {
    requireLive();
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public boolean isDestroyed() {
    return destroyed;
  }

  /** Zeroes the bytes. Safe to call more than once. */
  @Override
  public void close() {
    Arrays.fill(bytes, (byte) 0);
    destroyed = true;
  }

  @Override
  public String toString() {
    return "SecretBytes[redacted]";
  }

  private void requireLive() {
    if (destroyed) {
      throw new IllegalStateException("secret was already destroyed");
    }
  }
}
