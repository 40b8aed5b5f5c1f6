package dev.reckon.adapter.kms.opening;

import static dev.reckon.adapter.kms.TestKeys.FAKE_OPENAI_KEY;
import static dev.reckon.adapter.kms.TestKeys.fakeOpenAiKey;
import static dev.reckon.adapter.kms.TestKeys.newBinding;
import static dev.reckon.adapter.kms.TestKeys.utf8;
import static dev.reckon.adapter.kms.TestKeys.withOrg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.Envelope;
import dev.reckon.adapter.kms.aws.FakeKms;
import dev.reckon.adapter.kms.aws.KmsDataKeyGenerator;
import dev.reckon.adapter.kms.aws.KmsSettings;
import dev.reckon.adapter.kms.sealing.EnvelopeKeySealer;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.ports.out.KeyBinding;
import dev.reckon.ports.out.MasterKeyUnavailableException;
import dev.reckon.ports.out.MasterKeyUnavailableException.Reason;
import dev.reckon.ports.out.SealedKey;
import dev.reckon.ports.out.UnableToOpenKeyException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;

/** Seals with KMS data keys and opens through the real sealer and opener, against a fake KMS. */
class KmsDataKeyUnwrapperTest {

  private static final String NOT_ACCEPTED = "sealed key names a KMS key that is not accepted";
  private static final String WRAPPED_KEY_REJECTED = "KMS rejected the wrapped data key";

  private FakeKms kms;
  private String keyArn;

  @BeforeEach
  void createFakeKey() {
    kms = new FakeKms();
    keyArn = kms.newKey();
  }

  @Test
  void openReturnsSealedKey() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    SealedKey sealed = sealer(keyArn).seal(fakeOpenAiKey(), binding);

    SecretBytes opened = opener(keyArn).open(sealed, binding);

    assertThat(utf8(opened)).isEqualTo(FAKE_OPENAI_KEY);
    assertThat(Envelope.decode(sealed.bytes()).masterKeyId()).isEqualTo(keyArn);
  }

  @Test
  void unwrapPinsKeyIdContextAndAlgorithm() {
    KeyBinding binding = newBinding(Provider.ANTHROPIC);
    SealedKey sealed = sealer(keyArn).seal(fakeOpenAiKey(), binding);

    opener(keyArn).open(sealed, binding);

    DecryptRequest request = (DecryptRequest) kms.requests().get(1);
    assertThat(request.keyId()).isEqualTo(keyArn);
    assertThat(request.encryptionContext())
        .isEqualTo(EncryptionContext.forBinding(binding).asMap());
    assertThat(request.encryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
    assertThat(request.ciphertextBlob().asByteArray())
        .isEqualTo(Envelope.decode(sealed.bytes()).wrappedDataKey());
  }

  @Test
  void openRejectsRecordOfOtherRow() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    SealedKey sealed = sealer(keyArn).seal(fakeOpenAiKey(), binding);
    KeyBinding otherOrg = withOrg(binding, new OrgId(UUID.randomUUID()));
    EnvelopeKeyOpener opener = opener(keyArn);

    assertThatThrownBy(() -> opener.open(sealed, otherOrg))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessageStartingWith(WRAPPED_KEY_REJECTED + " (KMS error InvalidCiphertextException");
    assertThatThrownBy(() -> opener.open(sealed, newBinding(Provider.OPENAI)))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessageStartingWith(WRAPPED_KEY_REJECTED);
  }

  @Test
  void openRejectsUnacceptedKeyBeforeAnyCall() {
    String otherKey = kms.newKey();
    KeyBinding binding = newBinding(Provider.OPENAI);
    SealedKey sealed = sealer(otherKey).seal(fakeOpenAiKey(), binding);
    EnvelopeKeyOpener opener = opener(keyArn);
    int callsBefore = kms.callCount();

    assertThatThrownBy(() -> opener.open(sealed, binding))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage(NOT_ACCEPTED);
    assertThat(kms.callCount()).isEqualTo(callsBefore);
  }

  @Test
  void openRejectsRecordClaimingOtherAcceptedKey() {
    String otherKey = kms.newKey();
    KeyBinding binding = newBinding(Provider.OPENAI);
    Envelope underOther = Envelope.decode(sealer(otherKey).seal(fakeOpenAiKey(), binding).bytes());
    Envelope relabelled =
        new Envelope(
            keyArn, underOther.wrappedDataKey(), underOther.iv(), underOther.ciphertextAndTag());
    EnvelopeKeyOpener opener = opener(keyArn, otherKey);

    assertThatThrownBy(() -> opener.open(new SealedKey(relabelled.encode()), binding))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessageStartingWith(WRAPPED_KEY_REJECTED + " (KMS error IncorrectKeyException");
  }

  @Test
  void openAfterKeyRotationOpensOldRecords() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    SealedKey beforeRotation = sealer(keyArn).seal(fakeOpenAiKey(), binding);

    kms.rotate(keyArn);
    SealedKey afterRotation = sealer(keyArn).seal(fakeOpenAiKey(), binding);

    assertThat(FakeKms.versionOf(wrappedKeyOf(beforeRotation))).isEqualTo(1);
    assertThat(FakeKms.versionOf(wrappedKeyOf(afterRotation))).isEqualTo(2);
    assertThat(utf8(opener(keyArn).open(beforeRotation, binding))).isEqualTo(FAKE_OPENAI_KEY);
    assertThat(utf8(opener(keyArn).open(afterRotation, binding))).isEqualTo(FAKE_OPENAI_KEY);
  }

  @Test
  void openAcceptsPreviousKeyRecords() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    SealedKey underOldKey = sealer(keyArn).seal(fakeOpenAiKey(), binding);
    String newKey = kms.newKey();

    SealedKey underNewKey = sealer(newKey).seal(fakeOpenAiKey(), binding);
    EnvelopeKeyOpener opener = opener(newKey, keyArn);

    assertThat(Envelope.decode(underNewKey.bytes()).masterKeyId()).isEqualTo(newKey);
    assertThat(utf8(opener.open(underOldKey, binding))).isEqualTo(FAKE_OPENAI_KEY);
    assertThat(utf8(opener.open(underNewKey, binding))).isEqualTo(FAKE_OPENAI_KEY);
    assertThatThrownBy(() -> opener(newKey).open(underOldKey, binding)).hasMessage(NOT_ACCEPTED);
  }

  @Test
  void openMapsDisabledKey() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    SealedKey sealed = sealer(keyArn).seal(fakeOpenAiKey(), binding);
    EnvelopeKeyOpener opener = opener(keyArn);

    kms.disable(keyArn);

    assertThatThrownBy(() -> opener.open(sealed, binding))
        .isInstanceOfSatisfying(
            MasterKeyUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.KEY_DISABLED);
              assertThat(e.retryable()).isFalse();
            });
  }

  @Test
  void openMapsKeyPendingDeletion() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    SealedKey sealed = sealer(keyArn).seal(fakeOpenAiKey(), binding);
    EnvelopeKeyOpener opener = opener(keyArn);

    kms.scheduleDeletion(keyArn);

    assertThatThrownBy(() -> opener.open(sealed, binding))
        .isInstanceOfSatisfying(
            MasterKeyUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.KEY_DISABLED));
  }

  @Test
  void openMapsThrottlingAsRetryable() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    SealedKey sealed = sealer(keyArn).seal(fakeOpenAiKey(), binding);
    EnvelopeKeyOpener opener = opener(keyArn);

    kms.throttleNextCalls(1);

    assertThatThrownBy(() -> opener.open(sealed, binding))
        .isInstanceOfSatisfying(
            MasterKeyUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.THROTTLED);
              assertThat(e.retryable()).isTrue();
            });
    assertThat(utf8(opener.open(sealed, binding))).isEqualTo(FAKE_OPENAI_KEY);
  }

  @Test
  void sealAndOpenZeroEveryDataKey() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    SealedKey sealed = sealer(keyArn).seal(fakeOpenAiKey(), binding);

    opener(keyArn).open(sealed, binding).close();

    List<byte[]> dataKeys = kms.plaintextsReturned();
    assertThat(dataKeys).hasSize(2);
    assertThat(dataKeys).allSatisfy(dataKey -> assertThat(isZero(dataKey)).isTrue());
  }

  @Test
  void openZeroesDataKeyWhenPayloadFails() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    byte[] sealed = sealer(keyArn).seal(fakeOpenAiKey(), binding).bytes();
    sealed[sealed.length - 1] ^= 1;

    assertThatThrownBy(() -> opener(keyArn).open(new SealedKey(sealed), binding))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage("sealed key failed authentication");
    byte[] unwrapped = kms.plaintextsReturned().get(1);
    assertThat(isZero(unwrapped)).isTrue();
  }

  @Test
  void unwrapRejectsOtherReturnedKeyId() {
    byte[] plaintext = filled(32);
    KmsClient canned = cannedDecrypt(plaintext, kms.newKey());
    KmsDataKeyUnwrapper unwrapper = new KmsDataKeyUnwrapper(canned, settings(keyArn));

    assertThatThrownBy(() -> unwrapper.unwrap(keyArn, new byte[] {1}, context()))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage("KMS unwrapped the data key with another key than the sealed key names");
    assertThat(isZero(plaintext)).isTrue();
  }

  @Test
  void unwrapRejectsShortPlaintextAndZeroesIt() {
    byte[] plaintext = filled(16);
    KmsDataKeyUnwrapper unwrapper =
        new KmsDataKeyUnwrapper(cannedDecrypt(plaintext, keyArn), settings(keyArn));

    assertThatThrownBy(() -> unwrapper.unwrap(keyArn, new byte[] {1}, context()))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage("KMS returned a data key that is not 256 bits");
    assertThat(isZero(plaintext)).isTrue();
  }

  @Test
  void unwrapTreatsMissingPlaintextAsServiceError() {
    KmsDataKeyUnwrapper unwrapper =
        new KmsDataKeyUnwrapper(cannedDecrypt(null, keyArn), settings(keyArn));

    assertThatThrownBy(() -> unwrapper.unwrap(keyArn, new byte[] {1}, context()))
        .isInstanceOfSatisfying(
            MasterKeyUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.SERVICE_ERROR))
        .hasMessage("KMS response has no plaintext data key");
  }

  @Test
  void unwrapperRejectsAliasSettings() {
    KmsSettings aliasSettings =
        KmsSettings.of("alias/reckon", List.of(), FakeKms.DEFAULT_REGION, null, false);

    assertThatThrownBy(() -> new KmsDataKeyUnwrapper(kms, aliasSettings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the worker pins key ARNs")
        .hasMessageContaining("Set the key ARN");
  }

  @Test
  void toStringShowsAcceptedKeys() {
    String previous = kms.newKey();

    assertThat(new KmsDataKeyUnwrapper(kms, settings(keyArn, previous)))
        .hasToString("KmsDataKeyUnwrapper[acceptedKeyArns=[" + keyArn + ", " + previous + "]]");
  }

  private EnvelopeKeySealer sealer(String keyId) {
    return new EnvelopeKeySealer(new KmsDataKeyGenerator(kms, settings(keyId)));
  }

  private EnvelopeKeyOpener opener(String keyArn, String... previousKeyArns) {
    return new EnvelopeKeyOpener(new KmsDataKeyUnwrapper(kms, settings(keyArn, previousKeyArns)));
  }

  static KmsSettings settings(String keyId, String... previousKeyArns) {
    return KmsSettings.of(keyId, List.of(previousKeyArns), FakeKms.DEFAULT_REGION, null, false);
  }

  private static byte[] wrappedKeyOf(SealedKey sealed) {
    return Envelope.decode(sealed.bytes()).wrappedDataKey();
  }

  private static EncryptionContext context() {
    return EncryptionContext.forBinding(newBinding(Provider.OPENAI));
  }

  /** A KMS client that returns {@code plaintext} and {@code keyId} for every Decrypt. */
  private static KmsClient cannedDecrypt(byte[] plaintext, String keyId) {
    DecryptResponse.Builder response = DecryptResponse.builder().keyId(keyId);
    if (plaintext != null) {
      response.plaintext(SdkBytes.fromByteArrayUnsafe(plaintext));
    }
    DecryptResponse built = response.build();
    return new KmsClient() {
      @Override
      public DecryptResponse decrypt(DecryptRequest request) {
        return built;
      }

      @Override
      public String serviceName() {
        return SERVICE_NAME;
      }

      @Override
      public void close() {}
    };
  }

  private static byte[] filled(int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) 0x5A);
    return bytes;
  }

  static boolean isZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
