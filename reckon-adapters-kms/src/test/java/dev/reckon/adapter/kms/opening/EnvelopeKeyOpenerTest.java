package dev.reckon.adapter.kms.opening;

import static dev.reckon.adapter.kms.TestKeys.FAKE_OPENAI_KEY;
import static dev.reckon.adapter.kms.TestKeys.fakeKey;
import static dev.reckon.adapter.kms.TestKeys.fakeOpenAiKey;
import static dev.reckon.adapter.kms.TestKeys.newBinding;
import static dev.reckon.adapter.kms.TestKeys.utf8;
import static dev.reckon.adapter.kms.TestKeys.withKeyId;
import static dev.reckon.adapter.kms.TestKeys.withOrg;
import static dev.reckon.adapter.kms.TestKeys.withProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.kms.Envelope;
import dev.reckon.adapter.kms.RecordingAllocator;
import dev.reckon.adapter.kms.TestRandom;
import dev.reckon.adapter.kms.local.LocalMasterKeyFile;
import dev.reckon.adapter.kms.sealing.EnvelopeKeySealer;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.out.KeyBinding;
import dev.reckon.ports.out.SealedKey;
import dev.reckon.ports.out.UnableToOpenKeyException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeKeyOpenerTest {

  private static final String TRUNCATED = "sealed key is truncated";
  private static final String UNKNOWN_FORMAT = "sealed key has an unknown format version";
  private static final String INVALID_WRAPPED_LENGTH =
      "sealed key has an invalid wrapped data key length";
  private static final String INVALID_KEY_ID = "sealed key has an invalid master key id";
  private static final String INVALID_UNWRAPPED_LENGTH = "wrapped data key has an invalid length";
  private static final String UNKNOWN_MASTER_KEY = "sealed key names an unknown master key";
  private static final String WRAPPED_REJECTED = "wrapped data key failed authentication";
  private static final String PAYLOAD_REJECTED = "sealed key failed authentication";

  /** With master key id "local:v1": format, id length, id, wrapped length, wrapped key, IV. */
  private static final int WRAPPED_START = 12;

  private static final int IV_START = WRAPPED_START + 60;
  private static final int CIPHERTEXT_START = IV_START + 12;

  @TempDir Path directory;

  private LocalMasterKeyFile keyFile;
  private EnvelopeKeySealer sealer;
  private EnvelopeKeyOpener opener;

  @BeforeEach
  void createKeys() {
    keyFile = LocalMasterKeyFile.openOrCreate(directory.resolve("master-key"), false);
    sealer = new EnvelopeKeySealer(keyFile);
    opener = new EnvelopeKeyOpener(new LocalMasterKeyUnwrapper(keyFile));
  }

  @AfterEach
  void closeKeys() {
    keyFile.close();
  }

  @Test
  void openReturnsSealedKey() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    SealedKey sealed = sealer.seal(fakeOpenAiKey(), binding);

    SecretBytes opened = opener.open(sealed, binding);

    assertThat(utf8(opened)).isEqualTo(FAKE_OPENAI_KEY);
    assertThat(opened).hasToString("SecretBytes[redacted]");
  }

  @Test
  void openRejectsEverySingleByteChange() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    byte[] envelope = sealer.seal(fakeOpenAiKey(), binding).bytes();

    for (int position = 0; position < envelope.length; position++) {
      for (int mask : new int[] {0x01, 0x80, 0xFF}) {
        byte[] changed = envelope.clone();
        changed[position] ^= (byte) mask;
        Set<String> expected = expectedFailures(position);
        assertThatThrownBy(() -> opener.open(new SealedKey(changed), binding))
            .as("byte %d changed with mask %02x", position, mask)
            .isInstanceOfSatisfying(
                UnableToOpenKeyException.class, e -> assertThat(expected).contains(e.getMessage()));
      }
    }
  }

  @Test
  void openRejectsKeyMovedToOtherOrg() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    SealedKey sealed = sealer.seal(fakeOpenAiKey(), binding);

    KeyBinding moved = withOrg(binding, new OrgId(UUID.randomUUID()));

    assertThatThrownBy(() -> opener.open(sealed, moved)).hasMessage(WRAPPED_REJECTED);
  }

  @Test
  void openRejectsKeyMovedToOtherKeyId() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    SealedKey sealed = sealer.seal(fakeOpenAiKey(), binding);

    KeyBinding moved = withKeyId(binding, new ProviderKeyId(UUID.randomUUID()));

    assertThatThrownBy(() -> opener.open(sealed, moved)).hasMessage(WRAPPED_REJECTED);
  }

  @Test
  void openRejectsKeyMovedToOtherProvider() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    SealedKey sealed = sealer.seal(fakeOpenAiKey(), binding);

    KeyBinding moved = withProvider(binding, Provider.ANTHROPIC);

    assertThatThrownBy(() -> opener.open(sealed, moved)).hasMessage(WRAPPED_REJECTED);
  }

  @Test
  void associatedDataAloneRejectsMovedKey() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    SealedKey sealed = sealer.seal(fakeOpenAiKey(), binding);
    EnvelopeKeyOpener careless =
        new EnvelopeKeyOpener(
            new ContextIgnoringUnwrapper(new LocalMasterKeyUnwrapper(keyFile), binding));

    KeyBinding otherOrg = withOrg(binding, new OrgId(UUID.randomUUID()));
    KeyBinding otherKey = withKeyId(binding, new ProviderKeyId(UUID.randomUUID()));
    KeyBinding otherProvider = withProvider(binding, Provider.ANTHROPIC);

    assertThat(utf8(careless.open(sealed, binding))).isEqualTo(FAKE_OPENAI_KEY);
    assertThatThrownBy(() -> careless.open(sealed, otherOrg)).hasMessage(PAYLOAD_REJECTED);
    assertThatThrownBy(() -> careless.open(sealed, otherKey)).hasMessage(PAYLOAD_REJECTED);
    assertThatThrownBy(() -> careless.open(sealed, otherProvider)).hasMessage(PAYLOAD_REJECTED);
  }

  @Test
  void openRejectsSwappedWrappedDataKeys() {
    KeyBinding first = newBinding(Provider.OPENAI);
    KeyBinding second = withKeyId(first, new ProviderKeyId(UUID.randomUUID()));
    Envelope firstEnvelope = Envelope.decode(sealer.seal(fakeOpenAiKey(), first).bytes());
    Envelope secondEnvelope = Envelope.decode(sealer.seal(fakeOpenAiKey(), second).bytes());
    EnvelopeKeyOpener careless =
        new EnvelopeKeyOpener(
            new ContextIgnoringUnwrapper(new LocalMasterKeyUnwrapper(keyFile), second));

    SealedKey swapped =
        new SealedKey(
            new Envelope(
                    "local:v1",
                    secondEnvelope.wrappedDataKey(),
                    firstEnvelope.iv(),
                    firstEnvelope.ciphertextAndTag())
                .encode());

    assertThatThrownBy(() -> opener.open(swapped, first)).hasMessage(WRAPPED_REJECTED);
    assertThatThrownBy(() -> careless.open(swapped, first)).hasMessage(PAYLOAD_REJECTED);
  }

  @Test
  void openRejectsUnknownFormatByte() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    byte[] envelope = sealer.seal(fakeOpenAiKey(), binding).bytes();

    envelope[0] = 0x02;

    assertThatThrownBy(() -> opener.open(new SealedKey(envelope), binding))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage(UNKNOWN_FORMAT);
  }

  @Test
  void openRejectsEveryTruncation() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    byte[] envelope = sealer.seal(fakeOpenAiKey(), binding).bytes();

    for (int length = 0; length < envelope.length; length++) {
      SealedKey truncated = new SealedKey(Arrays.copyOf(envelope, length));
      String expected = length < CIPHERTEXT_START + 16 ? TRUNCATED : PAYLOAD_REJECTED;
      assertThatThrownBy(() -> opener.open(truncated, binding))
          .as("truncated to %d bytes", length)
          .isInstanceOf(UnableToOpenKeyException.class)
          .hasMessage(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4097, 0xFFFF})
  void openRejectsWrappedKeyLengthOutsideOneTo4096(int length) {
    KeyBinding binding = newBinding(Provider.OPENAI);
    byte[] envelope = Arrays.copyOf(sealer.seal(fakeOpenAiKey(), binding).bytes(), 70_000);

    envelope[WRAPPED_START - 2] = (byte) (length >>> 8);
    envelope[WRAPPED_START - 1] = (byte) length;

    assertThatThrownBy(() -> opener.open(new SealedKey(envelope), binding))
        .hasMessage(INVALID_WRAPPED_LENGTH);
  }

  @Test
  void openRejectsWrappedKeyLongerThanRemainingBytes() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    byte[] envelope = sealer.seal(fakeOpenAiKey(), binding).bytes();

    envelope[WRAPPED_START - 2] = 0x10;
    envelope[WRAPPED_START - 1] = 0x00;

    assertThatThrownBy(() -> opener.open(new SealedKey(envelope), binding)).hasMessage(TRUNCATED);
  }

  @ParameterizedTest
  @ValueSource(ints = {-12, -4, 4})
  void openRejectsIvRegionOfOtherSize(int change) {
    KeyBinding binding = newBinding(Provider.OPENAI);
    byte[] envelope = sealer.seal(fakeOpenAiKey(), binding).bytes();

    byte[] resized = resizeIvRegion(envelope, change);

    assertThatThrownBy(() -> opener.open(new SealedKey(resized), binding))
        .hasMessage(PAYLOAD_REJECTED);
  }

  @Test
  void openRejectsKeyFromOtherInstallation() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    SealedKey sealed = sealer.seal(fakeOpenAiKey(), binding);

    try (LocalMasterKeyFile other =
        LocalMasterKeyFile.openOrCreate(directory.resolve("other").resolve("master-key"), false)) {
      EnvelopeKeyOpener otherOpener = new EnvelopeKeyOpener(new LocalMasterKeyUnwrapper(other));

      assertThatThrownBy(() -> otherOpener.open(sealed, binding)).hasMessage(WRAPPED_REJECTED);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"local:v2", "local:v01", "arn:aws:kms:eu-west-1:111122223333:key/FAKE"})
  void openRejectsUnknownMasterKeyId(String masterKeyId) {
    KeyBinding binding = newBinding(Provider.OPENAI);
    Envelope envelope = Envelope.decode(sealer.seal(fakeOpenAiKey(), binding).bytes());

    SealedKey renamed =
        new SealedKey(
            new Envelope(
                    masterKeyId,
                    envelope.wrappedDataKey(),
                    envelope.iv(),
                    envelope.ciphertextAndTag())
                .encode());

    assertThatThrownBy(() -> opener.open(renamed, binding)).hasMessage(UNKNOWN_MASTER_KEY);
  }

  @Test
  void openStillReadsOldVersionAfterRotation() {
    KeyBinding binding = newBinding(Provider.ANTHROPIC);
    SealedKey beforeRotation = sealer.seal(fakeKey("sk-ant-admin01-FAKE-before-rotation"), binding);

    keyFile.addVersion();
    SealedKey afterRotation = sealer.seal(fakeKey("sk-ant-admin01-FAKE-after-rotation"), binding);

    assertThat(Envelope.decode(beforeRotation.bytes()).masterKeyId()).isEqualTo("local:v1");
    assertThat(Envelope.decode(afterRotation.bytes()).masterKeyId()).isEqualTo("local:v2");
    assertThat(utf8(opener.open(beforeRotation, binding)))
        .isEqualTo("sk-ant-admin01-FAKE-before-rotation");
    assertThat(utf8(opener.open(afterRotation, binding)))
        .isEqualTo("sk-ant-admin01-FAKE-after-rotation");
  }

  @Test
  void openZeroesDataKeyOnSuccess() {
    RecordingAllocator dataKeys = new RecordingAllocator();
    RecordingAllocator plaintexts = new RecordingAllocator();
    EnvelopeKeyOpener recording =
        new EnvelopeKeyOpener(new LocalMasterKeyUnwrapper(keyFile, dataKeys), plaintexts);
    KeyBinding binding = newBinding(Provider.OPENAI);

    SecretBytes opened = recording.open(sealer.seal(fakeOpenAiKey(), binding), binding);

    assertThat(dataKeys.allocated()).hasSize(1);
    assertThat(TestRandom.allZero(dataKeys.allocated())).isTrue();
    assertThat(plaintexts.allocated()).hasSize(1);
    assertThat(opened.unsafeRevealBytesWithoutCopy()).isSameAs(plaintexts.allocated().get(0));
    assertThat(utf8(opened)).isEqualTo(FAKE_OPENAI_KEY);
    opened.close();
    assertThat(plaintexts.allocated().get(0)).containsOnly(0);
  }

  @Test
  void openZeroesAllKeysWhenPayloadFails() {
    RecordingAllocator dataKeys = new RecordingAllocator();
    RecordingAllocator plaintexts = new RecordingAllocator();
    EnvelopeKeyOpener recording =
        new EnvelopeKeyOpener(new LocalMasterKeyUnwrapper(keyFile, dataKeys), plaintexts);
    KeyBinding binding = newBinding(Provider.OPENAI);
    byte[] envelope = sealer.seal(fakeOpenAiKey(), binding).bytes();
    envelope[envelope.length - 1] ^= 0x01;

    assertThatThrownBy(() -> recording.open(new SealedKey(envelope), binding))
        .hasMessage(PAYLOAD_REJECTED);

    assertThat(dataKeys.allocated()).hasSize(1);
    assertThat(TestRandom.allZero(dataKeys.allocated())).isTrue();
    assertThat(plaintexts.allocated()).hasSize(1);
    assertThat(TestRandom.allZero(plaintexts.allocated())).isTrue();
  }

  @Test
  void openZeroesDataKeyWhenUnwrapFails() {
    RecordingAllocator dataKeys = new RecordingAllocator();
    RecordingAllocator plaintexts = new RecordingAllocator();
    EnvelopeKeyOpener recording =
        new EnvelopeKeyOpener(new LocalMasterKeyUnwrapper(keyFile, dataKeys), plaintexts);
    KeyBinding binding = newBinding(Provider.OPENAI);
    SealedKey sealed = sealer.seal(fakeOpenAiKey(), binding);

    KeyBinding moved = withOrg(binding, new OrgId(UUID.randomUUID()));

    assertThatThrownBy(() -> recording.open(sealed, moved)).hasMessage(WRAPPED_REJECTED);
    assertThat(dataKeys.allocated()).hasSize(1);
    assertThat(TestRandom.allZero(dataKeys.allocated())).isTrue();
    assertThat(plaintexts.allocated()).isEmpty();
  }

  @Test
  void openReturnsIndependentSecretEachCall() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    SealedKey sealed = sealer.seal(fakeOpenAiKey(), binding);

    SecretBytes first = opener.open(sealed, binding);
    SecretBytes second = opener.open(sealed, binding);
    first.close();

    assertThat(first.isDestroyed()).isTrue();
    assertThat(second.isDestroyed()).isFalse();
    assertThat(utf8(second)).isEqualTo(FAKE_OPENAI_KEY);
  }

  @Test
  void toStringShowsNoKeyMaterial() {
    Path path = directory.resolve("master-key").toAbsolutePath();

    String text = opener.toString();

    assertThat(text)
        .isEqualTo(
            "EnvelopeKeyOpener[unwrapper=LocalMasterKeyUnwrapper[LocalMasterKeyFile[path="
                + path
                + ", versions=1, keys=redacted]]]");
  }

  /** Returns the messages that changing the byte at {@code position} may produce. */
  private static Set<String> expectedFailures(int position) {
    if (position == 0) {
      return Set.of(UNKNOWN_FORMAT);
    }
    if (position >= IV_START) {
      return Set.of(PAYLOAD_REJECTED);
    }
    if (position >= WRAPPED_START) {
      return Set.of(WRAPPED_REJECTED);
    }
    if (position >= 2 && position < WRAPPED_START - 2) {
      return Set.of(UNKNOWN_MASTER_KEY, INVALID_KEY_ID);
    }
    // A changed length field moves every later field, so which check fails first varies.
    return Set.of(
        TRUNCATED,
        INVALID_KEY_ID,
        INVALID_WRAPPED_LENGTH,
        UNKNOWN_MASTER_KEY,
        INVALID_UNWRAPPED_LENGTH);
  }

  private static byte[] resizeIvRegion(byte[] envelope, int change) {
    byte[] resized = new byte[envelope.length + change];
    int keep = IV_START + Math.min(12, 12 + change);
    System.arraycopy(envelope, 0, resized, 0, keep);
    System.arraycopy(
        envelope,
        IV_START + 12,
        resized,
        keep + Math.max(0, change),
        envelope.length - IV_START - 12);
    return resized;
  }
}
