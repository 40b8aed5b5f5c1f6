package dev.reckon.adapter.kms.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.reckon.adapter.kms.AesGcm;
import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.Envelope;
import dev.reckon.adapter.kms.FrozenEnvelopeVectors;
import dev.reckon.adapter.kms.local.LocalMasterKeyFile;
import dev.reckon.adapter.kms.opening.EnvelopeKeyOpener;
import dev.reckon.adapter.kms.opening.LocalMasterKeyUnwrapper;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.ports.out.KeyBinding;
import dev.reckon.ports.out.SealedKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a valid format version 1 record from fuzzer-chosen inputs, changes its length fields and
 * size, and checks decoding and opening against a model of the layout.
 *
 * <p>The record is built with {@link AesGcm} under the fake master key file of the frozen vectors,
 * with fixed data key and IVs, so the same fuzzer input always gives the same bytes. The fuzzer
 * chooses the row (one of the frozen vectors' bindings), the master key version, the provider key
 * after a fake prefix, and then optionally:
 *
 * <ul>
 *   <li>the master key id length byte (0 to 255),
 *   <li>the wrapped data key length field (0 to 65535),
 *   <li>the record length (0 to 8192 bytes, cut short or padded with zero bytes).
 * </ul>
 *
 * <p>{@link #expectedDecodeRejection(byte[])} derives the expected decoding outcome from the layout
 * rules, independently of {@link Envelope}. Opening the unchanged record must return the provider
 * key, and opening any changed record must fail with a fixed message.
 *
 * <p>Without {@code JAZZER_FUZZ} set, {@code mvn test} runs this on an empty input (the unchanged
 * record) and on the seeds in {@code
 * src/test/resources/dev/reckon/adapter/kms/fuzz/EnvelopeLengthFieldFuzzTestInputs/}. Each seed
 * file is named after the change its bytes select (see the README in that package's resource
 * folder).
 */
class EnvelopeLengthFieldFuzzTest {

  private static final int MAX_RECORD_LENGTH = 8192;

  private static final String FAKE_KEY_PREFIX = "sk-admin-FAKE-fuzz-";
  private static final byte[] DATA_KEY =
      "FAKE-test-only-data-key-fuzzing!".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WRAP_IV = HexFormat.of().parseHex("c0c1c2c3c4c5c6c7c8c9cacb");
  private static final byte[] PAYLOAD_IV = HexFormat.of().parseHex("d0d1d2d3d4d5d6d7d8d9dadb");

  /** Same as in {@link EnvelopeDecodeFuzzTest}: two copies per input byte. */
  private static final int DECODE_BYTES_PER_INPUT_BYTE = 2;

  private static final long DECODE_BYTES_CONSTANT = 16 * 1024;

  /** Same as in {@link EnvelopeKeyOpenerFuzzTest}. */
  private static final int OPEN_BYTES_PER_INPUT_BYTE = 8;

  private static final long OPEN_BYTES_CONSTANT = 48 * 1024;

  @TempDir static Path directory;

  private static LocalMasterKeyFile keyFile;
  private static EnvelopeKeyOpener opener;
  private static List<KeyBinding> rows;

  @BeforeAll
  static void loadFrozenTestMasterKey() throws IOException {
    keyFile =
        LocalMasterKeyFile.openOrCreate(FrozenEnvelopeVectors.copyMasterKeyFile(directory), false);
    opener = new EnvelopeKeyOpener(new LocalMasterKeyUnwrapper(keyFile));
    rows = FrozenEnvelopeVectors.loadVectors().stream().map(vector -> vector.binding()).toList();
  }

  @AfterAll
  static void closeTestMasterKey() {
    keyFile.close();
  }

  @FuzzTest
  void changedLengthFieldsFailCleanly(FuzzedDataProvider data) throws GeneralSecurityException {
    KeyBinding row = rows.get(data.consumeInt(0, rows.size() - 1));
    String masterKeyId = data.consumeBoolean() ? "local:v2" : "local:v1";
    LengthChange change = LengthChange.consume(data);
    byte[] providerKey = fakeProviderKey(data.consumeRemainingAsBytes());

    byte[] valid = seal(providerKey, masterKeyId, row);
    byte[] sealed = change.applyTo(valid);

    String expected = expectedDecodeRejection(sealed);
    long decodeBytes = DECODE_BYTES_PER_INPUT_BYTE * (long) sealed.length + DECODE_BYTES_CONSTANT;
    MeasuredCall<Envelope> decoded =
        MeasuredCall.runWithin(decodeBytes, () -> Envelope.decode(sealed));
    if (expected == null) {
      assertThat(decoded.rejection()).as("decoding %s", change).isNull();
    } else {
      assertThat(decoded.rejection()).as("decoding %s", change).hasMessage(expected);
    }

    SealedKey record = new SealedKey(sealed);
    long openBytes = OPEN_BYTES_PER_INPUT_BYTE * (long) sealed.length + OPEN_BYTES_CONSTANT;
    MeasuredCall<SecretBytes> opened =
        MeasuredCall.runWithin(openBytes, () -> opener.open(record, row));
    if (Arrays.equals(sealed, valid)) {
      assertThat(opened.rejection()).as("opening the unchanged record").isNull();
      try (SecretBytes plaintext = opened.value()) {
        assertThat(plaintext.unsafeRevealBytesWithoutCopy()).isEqualTo(providerKey);
      }
    } else if (expected != null) {
      assertThat(opened.rejection()).as("opening %s", change).hasMessage(expected);
    } else {
      assertThat(opened.rejection()).as("opening %s", change).isNotNull();
      assertThat(RejectionMessages.AFTER_DECODE).contains(opened.rejection().getMessage());
    }
  }

  /**
   * Returns the message that decoding {@code sealed} must fail with, or null when its layout is
   * valid. Written from the format description in {@link Envelope}'s documentation.
   */
  private static String expectedDecodeRejection(byte[] sealed) {
    if (sealed.length < 1) {
      return RejectionMessages.TRUNCATED;
    }
    if (sealed[0] != 0x01) {
      return RejectionMessages.UNKNOWN_FORMAT;
    }

    if (sealed.length < 2) {
      return RejectionMessages.TRUNCATED;
    }
    int keyIdLength = sealed[1] & 0xFF;
    if (keyIdLength == 0) {
      return RejectionMessages.INVALID_MASTER_KEY_ID;
    }
    int wrappedLengthOffset = 2 + keyIdLength;
    if (sealed.length < wrappedLengthOffset) {
      return RejectionMessages.TRUNCATED;
    }
    if (!isUtf8(Arrays.copyOfRange(sealed, 2, wrappedLengthOffset))) {
      return RejectionMessages.INVALID_MASTER_KEY_ID;
    }

    if (sealed.length < wrappedLengthOffset + 2) {
      return RejectionMessages.TRUNCATED;
    }
    int wrappedLength =
        ((sealed[wrappedLengthOffset] & 0xFF) << 8) | (sealed[wrappedLengthOffset + 1] & 0xFF);
    if (wrappedLength == 0 || wrappedLength > 4096) {
      return RejectionMessages.INVALID_WRAPPED_KEY_LENGTH;
    }

    int minimumLength =
        wrappedLengthOffset + 2 + wrappedLength + AesGcm.IV_BYTES + AesGcm.TAG_BYTES;
    return sealed.length < minimumLength ? RejectionMessages.TRUNCATED : null;
  }

  /** Seals like the envelope sealer, but with the fixed data key and IVs of this test. */
  private static byte[] seal(byte[] providerKey, String masterKeyId, KeyBinding row)
      throws GeneralSecurityException {
    byte[] associatedData = EncryptionContext.forBinding(row).associatedData();
    byte[] masterKey = keyFile.unsafeRevealMasterKeyWithoutCopy(masterKeyId).orElseThrow();
    byte[] wrappedKey = AesGcm.encrypt(masterKey, WRAP_IV, DATA_KEY, associatedData);
    byte[] wrapped = Arrays.copyOf(WRAP_IV, WRAP_IV.length + wrappedKey.length);
    System.arraycopy(wrappedKey, 0, wrapped, WRAP_IV.length, wrappedKey.length);

    byte[] payload = AesGcm.encrypt(DATA_KEY, PAYLOAD_IV, providerKey, associatedData);
    return new Envelope(masterKeyId, wrapped, PAYLOAD_IV, payload).encode();
  }

  private static byte[] fakeProviderKey(byte[] suffix) {
    byte[] prefix = FAKE_KEY_PREFIX.getBytes(StandardCharsets.US_ASCII);
    byte[] key = Arrays.copyOf(prefix, prefix.length + suffix.length);
    System.arraycopy(suffix, 0, key, prefix.length, suffix.length);
    return key;
  }

  /** Checks UTF-8 by a round trip through String, which replaces every malformed sequence. */
  private static boolean isUtf8(byte[] bytes) {
    return Arrays.equals(
        new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), bytes);
  }

  /**
   * The changes to apply to a valid record. A negative value leaves that part as it is. The length
   * fields are located by the valid record's layout, so a changed key id length moves the decoder,
   * not the field.
   */
  record LengthChange(int keyIdLength, int wrappedKeyLength, int recordLength) {

    static LengthChange consume(FuzzedDataProvider data) {
      int keyIdLength = data.consumeBoolean() ? data.consumeInt(0, 0xFF) : -1;
      int wrappedKeyLength = data.consumeBoolean() ? data.consumeInt(0, 0xFFFF) : -1;
      int recordLength = data.consumeBoolean() ? data.consumeInt(0, MAX_RECORD_LENGTH) : -1;
      return new LengthChange(keyIdLength, wrappedKeyLength, recordLength);
    }

    byte[] applyTo(byte[] valid) {
      byte[] sealed = valid.clone();
      int wrappedLengthOffset = 2 + (valid[1] & 0xFF);
      if (keyIdLength >= 0) {
        sealed[1] = (byte) keyIdLength;
      }
      if (wrappedKeyLength >= 0) {
        sealed[wrappedLengthOffset] = (byte) (wrappedKeyLength >>> 8);
        sealed[wrappedLengthOffset + 1] = (byte) wrappedKeyLength;
      }
      return recordLength >= 0 ? Arrays.copyOf(sealed, recordLength) : sealed;
    }
  }
}
