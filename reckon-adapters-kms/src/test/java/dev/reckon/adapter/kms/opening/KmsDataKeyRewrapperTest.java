package dev.reckon.adapter.kms.opening;

import static dev.reckon.adapter.kms.TestKeys.FAKE_OPENAI_KEY;
import static dev.reckon.adapter.kms.TestKeys.fakeOpenAiKey;
import static dev.reckon.adapter.kms.TestKeys.newBinding;
import static dev.reckon.adapter.kms.TestKeys.utf8;
import static dev.reckon.adapter.kms.opening.KmsDataKeyUnwrapperTest.isZero;
import static dev.reckon.adapter.kms.opening.KmsDataKeyUnwrapperTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.Envelope;
import dev.reckon.adapter.kms.aws.FakeKms;
import dev.reckon.adapter.kms.aws.KmsDataKeyGenerator;
import dev.reckon.adapter.kms.sealing.EnvelopeKeySealer;
import dev.reckon.domain.shared.Provider;
import dev.reckon.ports.out.KeyBinding;
import dev.reckon.ports.out.MasterKeyUnavailableException;
import dev.reckon.ports.out.MasterKeyUnavailableException.Reason;
import dev.reckon.ports.out.SealedKey;
import dev.reckon.ports.out.UnableToOpenKeyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.ReEncryptRequest;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

class KmsDataKeyRewrapperTest {

  private FakeKms kms;
  private String oldKey;
  private String newKey;

  @BeforeEach
  void createFakeKeys() {
    kms = new FakeKms();
    oldKey = kms.newKey();
    newKey = kms.newKey();
  }

  @Test
  void rewrapMovesRecordToCurrentKey() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    Envelope original = Envelope.decode(sealUnder(oldKey, binding).bytes());
    KmsDataKeyRewrapper rewrapper = new KmsDataKeyRewrapper(kms, settings(newKey, oldKey));

    Envelope rewrapped = rewrapper.rewrap(original, EncryptionContext.forBinding(binding));

    assertThat(rewrapped.masterKeyId()).isEqualTo(newKey);
    assertThat(FakeKms.keyArnOf(rewrapped.wrappedDataKey())).isEqualTo(newKey);
    assertThat(rewrapped.iv()).isEqualTo(original.iv());
    assertThat(rewrapped.ciphertextAndTag()).isEqualTo(original.ciphertextAndTag());
  }

  @Test
  void rewrappedRecordOpensWithoutOldKey() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    Envelope original = Envelope.decode(sealUnder(oldKey, binding).bytes());
    Envelope rewrapped =
        new KmsDataKeyRewrapper(kms, settings(newKey, oldKey))
            .rewrap(original, EncryptionContext.forBinding(binding));

    kms.disable(oldKey);
    EnvelopeKeyOpener openerWithoutOldKey =
        new EnvelopeKeyOpener(new KmsDataKeyUnwrapper(kms, settings(newKey)));

    SealedKey sealed = new SealedKey(rewrapped.encode());
    assertThat(utf8(openerWithoutOldKey.open(sealed, binding))).isEqualTo(FAKE_OPENAI_KEY);
    assertThatThrownBy(() -> openerWithoutOldKey.open(new SealedKey(original.encode()), binding))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage("sealed key names a KMS key that is not accepted");
  }

  @Test
  void rewrapPinsSourceDestinationAndContext() {
    KeyBinding binding = newBinding(Provider.ANTHROPIC);
    Envelope original = Envelope.decode(sealUnder(oldKey, binding).bytes());
    EncryptionContext context = EncryptionContext.forBinding(binding);

    new KmsDataKeyRewrapper(kms, settings(newKey, oldKey)).rewrap(original, context);

    ReEncryptRequest request = (ReEncryptRequest) kms.requests().get(1);
    assertThat(request.sourceKeyId()).isEqualTo(oldKey);
    assertThat(request.destinationKeyId()).isEqualTo(newKey);
    assertThat(request.sourceEncryptionContext()).isEqualTo(context.asMap());
    assertThat(request.destinationEncryptionContext()).isEqualTo(context.asMap());
    assertThat(request.sourceEncryptionAlgorithm())
        .isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
    assertThat(request.destinationEncryptionAlgorithm())
        .isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
    assertThat(request.ciphertextBlob().asByteArray()).isEqualTo(original.wrappedDataKey());
  }

  @Test
  void rewrapNeverReturnsPlaintextDataKey() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    Envelope original = Envelope.decode(sealUnder(oldKey, binding).bytes());

    new KmsDataKeyRewrapper(kms, settings(newKey, oldKey))
        .rewrap(original, EncryptionContext.forBinding(binding));

    assertThat(kms.plaintextsReturned()).hasSize(1);
    assertThat(isZero(kms.plaintextsReturned().get(0))).isTrue();
  }

  @Test
  void rewrapAfterRotationMovesToNewMaterial() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    Envelope original = Envelope.decode(sealUnder(oldKey, binding).bytes());
    kms.rotate(oldKey);

    Envelope rewrapped =
        new KmsDataKeyRewrapper(kms, settings(oldKey))
            .rewrap(original, EncryptionContext.forBinding(binding));

    assertThat(FakeKms.versionOf(original.wrappedDataKey())).isEqualTo(1);
    assertThat(FakeKms.versionOf(rewrapped.wrappedDataKey())).isEqualTo(2);
    assertThat(rewrapped.masterKeyId()).isEqualTo(oldKey);
  }

  @Test
  void rewrapRejectsUnacceptedSourceBeforeAnyCall() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    Envelope original = Envelope.decode(sealUnder(oldKey, binding).bytes());
    KmsDataKeyRewrapper rewrapper = new KmsDataKeyRewrapper(kms, settings(newKey));
    int callsBefore = kms.callCount();

    assertThatThrownBy(() -> rewrapper.rewrap(original, EncryptionContext.forBinding(binding)))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage("sealed key names a KMS key that is not accepted");
    assertThat(kms.callCount()).isEqualTo(callsBefore);
  }

  @Test
  void rewrapRejectsOtherContext() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    Envelope original = Envelope.decode(sealUnder(oldKey, binding).bytes());
    KmsDataKeyRewrapper rewrapper = new KmsDataKeyRewrapper(kms, settings(newKey, oldKey));
    EncryptionContext otherRow = EncryptionContext.forBinding(newBinding(Provider.OPENAI));

    assertThatThrownBy(() -> rewrapper.rewrap(original, otherRow))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessageStartingWith(
            "KMS rejected the wrapped data key (KMS error InvalidCiphertextException");
  }

  @Test
  void rewrapMapsDisabledDestination() {
    KeyBinding binding = newBinding(Provider.OPENAI);
    Envelope original = Envelope.decode(sealUnder(oldKey, binding).bytes());
    KmsDataKeyRewrapper rewrapper = new KmsDataKeyRewrapper(kms, settings(newKey, oldKey));

    kms.disable(newKey);

    assertThatThrownBy(() -> rewrapper.rewrap(original, EncryptionContext.forBinding(binding)))
        .isInstanceOfSatisfying(
            MasterKeyUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.KEY_DISABLED));
  }

  @Test
  void rewrapRejectsOtherReturnedSourceKey() {
    KmsClient canned = cannedReEncrypt(kms.newKey(), newKey);
    KmsDataKeyRewrapper rewrapper = new KmsDataKeyRewrapper(canned, settings(newKey, oldKey));

    assertThatThrownBy(() -> rewrapper.rewrap(anyEnvelope(oldKey), context()))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage("KMS re-encrypted the data key from another key than the sealed key names");
  }

  @Test
  void rewrapRejectsOtherReturnedDestinationKey() {
    KmsClient canned = cannedReEncrypt(oldKey, oldKey);
    KmsDataKeyRewrapper rewrapper = new KmsDataKeyRewrapper(canned, settings(newKey, oldKey));

    assertThatThrownBy(() -> rewrapper.rewrap(anyEnvelope(oldKey), context()))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage("KMS re-encrypted the data key to another key than the current one");
  }

  @Test
  void currentMasterKeyIdIsConfiguredKey() {
    assertThat(new KmsDataKeyRewrapper(kms, settings(newKey, oldKey)).currentMasterKeyId())
        .isEqualTo(newKey);
  }

  private SealedKey sealUnder(String keyArn, KeyBinding binding) {
    return new EnvelopeKeySealer(new KmsDataKeyGenerator(kms, settings(keyArn)))
        .seal(fakeOpenAiKey(), binding);
  }

  private static Envelope anyEnvelope(String keyArn) {
    return new Envelope(keyArn, new byte[] {1, 2, 3}, new byte[12], new byte[32]);
  }

  private static EncryptionContext context() {
    return EncryptionContext.forBinding(newBinding(Provider.OPENAI));
  }

  /** A KMS client that returns the given source and destination key ids for every ReEncrypt. */
  private static KmsClient cannedReEncrypt(String sourceKeyId, String keyId) {
    ReEncryptResponse response =
        ReEncryptResponse.builder()
            .sourceKeyId(sourceKeyId)
            .keyId(keyId)
            .ciphertextBlob(SdkBytes.fromByteArray(new byte[] {9, 9, 9}))
            .build();
    return new KmsClient() {
      @Override
      public ReEncryptResponse reEncrypt(ReEncryptRequest request) {
        return response;
      }

      @Override
      public String serviceName() {
        return SERVICE_NAME;
      }

      @Override
      public void close() {}
    };
  }
}
