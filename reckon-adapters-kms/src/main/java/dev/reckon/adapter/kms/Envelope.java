package dev.reckon.adapter.kms;

import dev.reckon.ports.out.UnableToOpenKeyException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A sealed provider key in envelope format version 1.
 *
 * <p>Layout, in order:
 *
 * <ol>
 *   <li>the format byte {@code 0x01},
 *   <li>the master key id: an unsigned 8-bit length (at least 1) and that many UTF-8 bytes,
 *   <li>the wrapped data key: an unsigned 16-bit big-endian length (1 to 4096) and that many bytes,
 *   <li>a 12-byte IV,
 *   <li>the AES-256-GCM ciphertext with its 16-byte tag, up to the end.
 * </ol>
 *
 * <p>The IV has no length field, so an IV of another size cannot be written. Bytes removed from or
 * added to that region shift into the ciphertext and fail the tag check.
 *
 * <p>The format byte is also part of the associated data (see {@link EncryptionContext}). The
 * envelope is not secret, but {@link #toString()} shows field sizes only, so that printing it puts
 * no envelope bytes in a log.
 */
public final class Envelope {

  public static final int FORMAT_V1 = 0x01;
  public static final int MAX_MASTER_KEY_ID_BYTES = 0xFF;
  public static final int MAX_WRAPPED_DATA_KEY_BYTES = 4096;

  static final String TRUNCATED = "sealed key is truncated";
  static final String UNKNOWN_FORMAT = "sealed key has an unknown format version";
  static final String INVALID_MASTER_KEY_ID = "sealed key has an invalid master key id";
  static final String INVALID_WRAPPED_KEY_LENGTH =
      "sealed key has an invalid wrapped data key length";

  private final String masterKeyId;
  private final byte[] wrappedDataKey;
  private final byte[] iv;
  private final byte[] ciphertextAndTag;

  /**
   * Creates an envelope from its fields, copying the arrays.
   *
   * @throws IllegalArgumentException when a field does not fit the format
   */
  public Envelope(String masterKeyId, byte[] wrappedDataKey, byte[] iv, byte[] ciphertextAndTag) {
    requireMasterKeyId(masterKeyId);
    requireLength("wrappedDataKey", wrappedDataKey, 1, MAX_WRAPPED_DATA_KEY_BYTES);
    requireLength("iv", iv, AesGcm.IV_BYTES, AesGcm.IV_BYTES);
    requireLength("ciphertextAndTag", ciphertextAndTag, AesGcm.TAG_BYTES, Integer.MAX_VALUE);
    this.masterKeyId = masterKeyId;
    this.wrappedDataKey = wrappedDataKey.clone();
    this.iv = iv.clone();
    this.ciphertextAndTag = ciphertextAndTag.clone();
  }

  /**
   * Parses a stored envelope. Every length is checked against the remaining bytes before anything
   * is allocated for it.
   *
   * @throws UnableToOpenKeyException with a fixed message when the format byte is unknown or the
   *     bytes are truncated or have an invalid length
   */
  public static Envelope decode(byte[] sealed) {
    Reader in = new Reader(sealed);
    if (in.readUnsignedByte() != FORMAT_V1) {
      throw new UnableToOpenKeyException(UNKNOWN_FORMAT);
    }

    int masterKeyIdLength = in.readUnsignedByte();
    if (masterKeyIdLength == 0) {
      throw new UnableToOpenKeyException(INVALID_MASTER_KEY_ID);
    }
    String masterKeyId = decodeUtf8(in.readBytes(masterKeyIdLength));

    int wrappedLength = in.readUnsignedShort();
    if (wrappedLength == 0 || wrappedLength > MAX_WRAPPED_DATA_KEY_BYTES) {
      throw new UnableToOpenKeyException(INVALID_WRAPPED_KEY_LENGTH);
    }
    byte[] wrappedDataKey = in.readBytes(wrappedLength);
    byte[] iv = in.readBytes(AesGcm.IV_BYTES);
    if (in.remaining() < AesGcm.TAG_BYTES) {
      throw new UnableToOpenKeyException(TRUNCATED);
    }
    byte[] ciphertextAndTag = in.readBytes(in.remaining());
    return new Envelope(masterKeyId, wrappedDataKey, iv, ciphertextAndTag);
  }

  /** Serializes the envelope in format version 1. */
  public byte[] encode() {
    byte[] keyId = masterKeyId.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(FORMAT_V1);
    out.write(keyId.length);
    out.writeBytes(keyId);
    out.write(wrappedDataKey.length >>> 8);
    out.write(wrappedDataKey.length);
    out.writeBytes(wrappedDataKey);
    out.writeBytes(iv);
    out.writeBytes(ciphertextAndTag);
    return out.toByteArray();
  }

  public String masterKeyId() {
    return masterKeyId;
  }

  /** Returns a copy of the data key as wrapped by the master key. */
  public byte[] wrappedDataKey() {
    return wrappedDataKey.clone();
  }

  /** Returns a copy of the 12-byte IV of the encrypted provider key. */
  public byte[] iv() {
    return iv.clone();
  }

  /** Returns a copy of the encrypted provider key followed by its 16-byte tag. */
  public byte[] ciphertextAndTag() {
    return ciphertextAndTag.clone();
  }

  @Override
  public String toString() {
    return "Envelope[format=1, masterKeyId="
        + masterKeyId
        + ", wrappedDataKey="
        + wrappedDataKey.length
        + " bytes, ciphertextAndTag="
        + ciphertextAndTag.length
        + " bytes]";
  }

  private static void requireMasterKeyId(String masterKeyId) {
    Objects.requireNonNull(masterKeyId, "masterKeyId");
    int length = masterKeyId.getBytes(StandardCharsets.UTF_8).length;
    if (length == 0 || length > MAX_MASTER_KEY_ID_BYTES) {
      throw new IllegalArgumentException(
          "'masterKeyId' must be 1 to 255 UTF-8 bytes (was " + length + " bytes)");
    }
  }

  private static void requireLength(String name, byte[] bytes, int min, int max) {
    Objects.requireNonNull(bytes, name);
    if (bytes.length < min || bytes.length > max) {
      String range =
          min == max
              ? "exactly " + min
              : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
      throw new IllegalArgumentException(
          "'" + name + "' must be " + range + " bytes (was " + bytes.length + " bytes)");
    }
  }

  private static String decodeUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UnableToOpenKeyException(INVALID_MASTER_KEY_ID, e);
    }
  }

  /** A cursor over the stored bytes that rejects any read past the end before it allocates. */
  private static final class Reader {

    private final byte[] bytes;
    private int position;

    Reader(byte[] bytes) {
      this.bytes = Objects.requireNonNull(bytes, "sealed");
    }

    int remaining() {
      return bytes.length - position;
    }

    int readUnsignedByte() {
      requireRemaining(1);
      return bytes[position++] & 0xFF;
    }

    int readUnsignedShort() {
      return (readUnsignedByte() << 8) | readUnsignedByte();
    }

    byte[] readBytes(int length) {
      requireRemaining(length);
      byte[] result = new byte[length];
      System.arraycopy(bytes, position, result, 0, length);
      position += length;
      return result;
    }

    private void requireRemaining(int length) {
      if (length > remaining()) {
        throw new UnableToOpenKeyException(TRUNCATED);
      }
    }
  }
}
