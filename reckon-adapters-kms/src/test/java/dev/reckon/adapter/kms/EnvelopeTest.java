package dev.reckon.adapter.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.ports.out.UnableToOpenKeyException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeTest {

  private static final String TRUNCATED = "sealed key is truncated";
  private static final String UNKNOWN_FORMAT = "sealed key has an unknown format version";
  private static final String INVALID_KEY_ID = "sealed key has an invalid master key id";
  private static final String INVALID_WRAPPED_LENGTH =
      "sealed key has an invalid wrapped data key length";

  private static final byte[] WRAPPED = filled(60, 0x11);
  private static final byte[] IV = filled(12, 0x22);
  private static final byte[] CIPHERTEXT = filled(40, 0x33);

  @Test
  void encodeWritesVersionOneLayout() {
    Envelope envelope = new Envelope("k1", new byte[] {7, 8}, IV, filled(16, 0x44));

    byte[] encoded = envelope.encode();

    assertThat(HexFormat.of().formatHex(encoded))
        .isEqualTo("01" + "02" + "6b31" + "0002" + "0708" + "22".repeat(12) + "44".repeat(16));
  }

  @Test
  void decodeReadsWhatEncodeWrote() {
    Envelope envelope = new Envelope("local:v1", WRAPPED, IV, CIPHERTEXT);

    Envelope decoded = Envelope.decode(envelope.encode());

    assertThat(decoded.masterKeyId()).isEqualTo("local:v1");
    assertThat(decoded.wrappedDataKey()).isEqualTo(WRAPPED);
    assertThat(decoded.iv()).isEqualTo(IV);
    assertThat(decoded.ciphertextAndTag()).isEqualTo(CIPHERTEXT);
  }

  @Test
  void decodeRejectsEveryUnknownFormatByte() {
    byte[] encoded = validEncoding();

    for (int format = 0; format <= 0xFF; format++) {
      if (format == Envelope.FORMAT_V1) {
        continue;
      }
      encoded[0] = (byte) format;
      assertThatThrownBy(() -> Envelope.decode(encoded))
          .as("format byte %d", format)
          .isInstanceOf(UnableToOpenKeyException.class)
          .hasMessage(UNKNOWN_FORMAT);
    }
  }

  @Test
  void decodeRejectsEveryTruncation() {
    byte[] encoded = validEncoding();

    for (int length = 0; length < encoded.length - CIPHERTEXT.length + 16; length++) {
      byte[] truncated = Arrays.copyOf(encoded, length);
      assertThatThrownBy(() -> Envelope.decode(truncated))
          .as("truncated to %d bytes", length)
          .isInstanceOf(UnableToOpenKeyException.class)
          .hasMessage(TRUNCATED);
    }
  }

  @Test
  void decodeRejectsEmptyMasterKeyId() {
    byte[] encoded = HexFormat.of().parseHex("01" + "00" + "0001" + "aa" + "22".repeat(28));

    assertThatThrownBy(() -> Envelope.decode(encoded))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage(INVALID_KEY_ID);
  }

  @Test
  void decodeRejectsNonUtf8MasterKeyId() {
    byte[] encoded =
        HexFormat.of().parseHex("01" + "02" + "c328" + "0001" + "aa" + "22".repeat(28));

    assertThatThrownBy(() -> Envelope.decode(encoded))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage(INVALID_KEY_ID);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4097, 0x8000, 0xFFFF})
  void decodeRejectsWrappedKeyLengthOutsideOneTo4096(int length) {
    byte[] encoded = withWrappedLength(length, 70_000);

    assertThatThrownBy(() -> Envelope.decode(encoded))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage(INVALID_WRAPPED_LENGTH);
  }

  @Test
  void decodeRejectsWrappedKeyLongerThanRemainingBytes() {
    byte[] encoded = withWrappedLength(4096, 4095);

    assertThatThrownBy(() -> Envelope.decode(encoded))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage(TRUNCATED);
  }

  @Test
  void decodeAcceptsWrappedKeyOf4096Bytes() {
    byte[] encoded = withWrappedLength(4096, 4096 + 12 + 16);

    Envelope decoded = Envelope.decode(encoded);

    assertThat(decoded.wrappedDataKey()).hasSize(4096);
    assertThat(decoded.ciphertextAndTag()).hasSize(16);
  }

  @Test
  void decodeAlwaysReadsTwelveByteIv() {
    byte[] encoded = validEncoding();
    int ivStart = encoded.length - CIPHERTEXT.length - IV.length;
    byte[] shortIv = new byte[encoded.length - 4];
    System.arraycopy(encoded, 0, shortIv, 0, ivStart + 8);
    System.arraycopy(encoded, ivStart + 12, shortIv, ivStart + 8, CIPHERTEXT.length);

    Envelope decoded = Envelope.decode(shortIv);

    assertThat(decoded.iv()).hasSize(12).startsWith(Arrays.copyOf(IV, 8)).endsWith(0x33, 0x33);
    assertThat(decoded.ciphertextAndTag()).hasSize(CIPHERTEXT.length - 4);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 8, 11, 13, 16})
  void constructorRejectsIvOtherThanTwelveBytes(int length) {
    byte[] iv = new byte[length];

    assertThatThrownBy(() -> new Envelope("local:v1", WRAPPED, iv, CIPHERTEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'iv' must be exactly 12 bytes (was " + length + " bytes)");
  }

  @Test
  void constructorRejectsFieldsThatCannotBeEncoded() {
    String longKeyId = "k".repeat(256);
    byte[] longWrapped = new byte[4097];
    byte[] shortCiphertext = new byte[15];

    assertThatThrownBy(() -> new Envelope(longKeyId, WRAPPED, IV, CIPHERTEXT))
        .hasMessage("'masterKeyId' must be 1 to 255 UTF-8 bytes (was 256 bytes)");
    assertThatThrownBy(() -> new Envelope("", WRAPPED, IV, CIPHERTEXT))
        .hasMessage("'masterKeyId' must be 1 to 255 UTF-8 bytes (was 0 bytes)");
    assertThatThrownBy(() -> new Envelope("local:v1", longWrapped, IV, CIPHERTEXT))
        .hasMessage("'wrappedDataKey' must be 1 to 4096 bytes (was 4097 bytes)");
    assertThatThrownBy(() -> new Envelope("local:v1", new byte[0], IV, CIPHERTEXT))
        .hasMessage("'wrappedDataKey' must be 1 to 4096 bytes (was 0 bytes)");
    assertThatThrownBy(() -> new Envelope("local:v1", WRAPPED, IV, shortCiphertext))
        .hasMessage("'ciphertextAndTag' must be at least 16 bytes (was 15 bytes)");
  }

  @Test
  void decodeFuzzFailsOnlyCleanly() {
    Random random = new Random(20_260_101L);
    Set<String> messages =
        Set.of(TRUNCATED, UNKNOWN_FORMAT, INVALID_KEY_ID, INVALID_WRAPPED_LENGTH);
    byte[] valid = validEncoding();

    for (int round = 0; round < 20_000; round++) {
      byte[] input = round % 2 == 0 ? randomBytes(random) : mutate(valid, random);
      try {
        Envelope.decode(input);
      } catch (UnableToOpenKeyException e) {
        assertThat(messages).as("round %d", round).contains(e.getMessage());
      }
    }
  }

  @Test
  void toStringShowsSizesOnly() {
    Envelope envelope = new Envelope("local:v1", WRAPPED, IV, CIPHERTEXT);

    String text = envelope.toString();

    assertThat(text)
        .isEqualTo(
            "Envelope[format=1, masterKeyId=local:v1, wrappedDataKey=60 bytes,"
                + " ciphertextAndTag=40 bytes]");
  }

  private static byte[] validEncoding() {
    return new Envelope("local:v1", WRAPPED, IV, CIPHERTEXT).encode();
  }

  /** Returns a header declaring {@code declared} wrapped key bytes, then {@code following}. */
  private static byte[] withWrappedLength(int declared, int following) {
    byte[] header = HexFormat.of().parseHex("01" + "02" + "6b31");
    byte[] encoded = Arrays.copyOf(header, header.length + 2 + following);
    encoded[header.length] = (byte) (declared >>> 8);
    encoded[header.length + 1] = (byte) declared;
    return encoded;
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(200)];
    random.nextBytes(bytes);
    if (bytes.length > 0 && random.nextBoolean()) {
      bytes[0] = Envelope.FORMAT_V1;
    }
    return bytes;
  }

  private static byte[] mutate(byte[] valid, Random random) {
    byte[] bytes = Arrays.copyOf(valid, random.nextInt(valid.length + 10));
    for (int i = 0; i < 3 && bytes.length > 0; i++) {
      bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
