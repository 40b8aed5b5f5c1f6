package dev.reckon.adapter.kms.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.GeneratedDataKey;
import dev.reckon.adapter.kms.TestKeys;
import dev.reckon.domain.shared.Provider;
import dev.reckon.ports.out.MasterKeyUnavailableException;
import dev.reckon.ports.out.MasterKeyUnavailableException.Reason;
import dev.reckon.ports.out.UnableToSealKeyException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

class KmsDataKeyGeneratorTest {

  private static final EncryptionContext CONTEXT =
      EncryptionContext.forBinding(TestKeys.newBinding(Provider.OPENAI));

  private FakeKms kms;
  private String keyArn;

  @BeforeEach
  void createFakeKey() {
    kms = new FakeKms();
    keyArn = kms.newKey();
  }

  @Test
  void generateSendsKeyIdSpecAndContext() {
    KmsDataKeyGenerator generator = generator(keyArn);

    try (GeneratedDataKey ignored = generator.generateDataKey(CONTEXT)) {
      GenerateDataKeyRequest request = (GenerateDataKeyRequest) kms.requests().get(0);

      assertThat(request.keyId()).isEqualTo(keyArn);
      assertThat(request.keySpec()).isEqualTo(DataKeySpec.AES_256);
      assertThat(request.numberOfBytes()).isNull();
      assertThat(request.encryptionContext()).isEqualTo(CONTEXT.asMap());
      assertThat(request.encryptionContext()).containsEntry("purpose", "reckon/provider-admin-key");
    }
  }

  @Test
  void generateReturnsKeyArnAndFakeWrappedKey() {
    try (GeneratedDataKey dataKey = generator(keyArn).generateDataKey(CONTEXT)) {
      assertThat(dataKey.masterKeyId()).isEqualTo(keyArn);
      assertThat(FakeKms.keyArnOf(dataKey.wrappedDataKey())).isEqualTo(keyArn);
      assertThat(dataKey.unsafeRevealPlaintextWithoutCopy()).hasSize(32);
    }
  }

  @Test
  void generateWithAliasReturnsKeyArn() {
    kms.addAlias("alias/reckon-provider-keys", keyArn);

    try (GeneratedDataKey byName =
            generator("alias/reckon-provider-keys").generateDataKey(CONTEXT);
        GeneratedDataKey byArn =
            generator(kms.aliasArn("alias/reckon-provider-keys")).generateDataKey(CONTEXT)) {
      assertThat(byName.masterKeyId()).isEqualTo(keyArn);
      assertThat(byArn.masterKeyId()).isEqualTo(keyArn);
    }
  }

  @Test
  void generateReturnsNewKeyEveryCall() {
    KmsDataKeyGenerator generator = generator(keyArn);

    try (GeneratedDataKey first = generator.generateDataKey(CONTEXT);
        GeneratedDataKey second = generator.generateDataKey(CONTEXT)) {
      assertThat(first.unsafeRevealPlaintextWithoutCopy())
          .isNotEqualTo(second.unsafeRevealPlaintextWithoutCopy());
      assertThat(first.wrappedDataKey()).isNotEqualTo(second.wrappedDataKey());
    }
  }

  @Test
  void generateHandsOverSdkArrayWithoutCopy() {
    GeneratedDataKey dataKey = generator(keyArn).generateDataKey(CONTEXT);
    byte[] fromKms = kms.plaintextsReturned().get(0);

    assertThat(dataKey.unsafeRevealPlaintextWithoutCopy()).isSameAs(fromKms);
    assertThat(isZero(fromKms)).isFalse();

    dataKey.close();

    assertThat(isZero(fromKms)).isTrue();
  }

  @Test
  void generateMapsDisabledKey() {
    kms.disable(keyArn);

    assertThatThrownBy(() -> generator(keyArn).generateDataKey(CONTEXT))
        .isInstanceOfSatisfying(
            MasterKeyUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.KEY_DISABLED);
              assertThat(e.retryable()).isFalse();
            });
  }

  @Test
  void generateMapsKeyPendingDeletion() {
    kms.scheduleDeletion(keyArn);

    assertThatThrownBy(() -> generator(keyArn).generateDataKey(CONTEXT))
        .isInstanceOfSatisfying(
            MasterKeyUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.KEY_DISABLED));
  }

  @Test
  void generateMapsThrottlingAsRetryable() {
    kms.throttleNextCalls(1);
    KmsDataKeyGenerator generator = generator(keyArn);

    assertThatThrownBy(() -> generator.generateDataKey(CONTEXT))
        .isInstanceOfSatisfying(
            MasterKeyUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.THROTTLED);
              assertThat(e.retryable()).isTrue();
            });
    try (GeneratedDataKey retried = generator.generateDataKey(CONTEXT)) {
      assertThat(retried.masterKeyId()).isEqualTo(keyArn);
    }
  }

  @Test
  void generateRejectsShortPlaintextAndZeroesIt() {
    byte[] plaintext = filled(16);
    KmsClient canned = cannedResponse(response(plaintext, new byte[] {1, 2, 3}, keyArn));

    assertThatThrownBy(() -> generator(canned, keyArn).generateDataKey(CONTEXT))
        .isInstanceOf(UnableToSealKeyException.class)
        .hasMessage("KMS returned a data key that is not 256 bits");
    assertThat(isZero(plaintext)).isTrue();
  }

  @Test
  void generateRejectsMissingWrappedKeyAndZeroesPlaintext() {
    byte[] plaintext = filled(32);
    KmsClient canned =
        cannedResponse(
            GenerateDataKeyResponse.builder()
                .plaintext(SdkBytes.fromByteArrayUnsafe(plaintext))
                .keyId(keyArn)
                .build());

    assertThatThrownBy(() -> generator(canned, keyArn).generateDataKey(CONTEXT))
        .isInstanceOf(UnableToSealKeyException.class)
        .hasMessage("KMS returned a wrapped data key of invalid length");
    assertThat(isZero(plaintext)).isTrue();
  }

  @Test
  void generateRejectsOversizedWrappedKey() {
    byte[] plaintext = filled(32);
    KmsClient canned = cannedResponse(response(plaintext, new byte[4097], keyArn));

    assertThatThrownBy(() -> generator(canned, keyArn).generateDataKey(CONTEXT))
        .hasMessage("KMS returned a wrapped data key of invalid length");
    assertThat(isZero(plaintext)).isTrue();
  }

  @Test
  void generateRejectsOtherKeyArnAndZeroesPlaintext() {
    String otherKey = kms.newKey();
    for (String returned : Arrays.asList(otherKey, null, "alias/reckon", "")) {
      byte[] plaintext = filled(32);
      KmsClient canned = cannedResponse(response(plaintext, new byte[] {1}, returned));

      assertThatThrownBy(() -> generator(canned, keyArn).generateDataKey(CONTEXT))
          .isInstanceOf(UnableToSealKeyException.class)
          .hasMessage("KMS returned a data key under another master key than the configured one");
      assertThat(isZero(plaintext)).as("plaintext zeroed for key id %s", returned).isTrue();
    }
  }

  @Test
  void generateWithAliasRejectsKeyOfOtherRegion() {
    String otherRegionKey = new FakeKms("us-east-1").newKey();
    byte[] plaintext = filled(32);
    KmsClient canned = cannedResponse(response(plaintext, new byte[] {1}, otherRegionKey));

    assertThatThrownBy(() -> generator(canned, "alias/reckon").generateDataKey(CONTEXT))
        .hasMessage("KMS returned a data key under another master key than the configured one");
    assertThat(isZero(plaintext)).isTrue();
  }

  @Test
  void generateRejectsMissingPlaintext() {
    KmsClient canned =
        cannedResponse(
            GenerateDataKeyResponse.builder()
                .ciphertextBlob(SdkBytes.fromByteArray(new byte[] {1}))
                .keyId(keyArn)
                .build());

    assertThatThrownBy(() -> generator(canned, keyArn).generateDataKey(CONTEXT))
        .isInstanceOf(UnableToSealKeyException.class)
        .hasMessage("KMS returned no plaintext data key");
  }

  @Test
  void sdkResponseToStringHidesPlaintext() {
    byte[] plaintext = filled(32);
    GenerateDataKeyResponse response = response(plaintext, new byte[] {1}, keyArn);

    String printed = response.toString();

    assertThat(printed).doesNotContain(Base64.getEncoder().encodeToString(plaintext));
    assertThat(printed).doesNotContainIgnoringCase(HexFormat.of().formatHex(plaintext));
    assertThat(printed).doesNotContain(Arrays.toString(plaintext));
  }

  @Test
  void toStringShowsKeyId() {
    assertThat(generator(keyArn)).hasToString("KmsDataKeyGenerator[keyId=" + keyArn + "]");
  }

  private KmsDataKeyGenerator generator(String keyId) {
    return generator(kms, keyId);
  }

  private static KmsDataKeyGenerator generator(KmsClient client, String keyId) {
    return new KmsDataKeyGenerator(
        client, KmsSettings.of(keyId, List.of(), FakeKms.DEFAULT_REGION, null, false));
  }

  private static GenerateDataKeyResponse response(byte[] plaintext, byte[] blob, String keyId) {
    return GenerateDataKeyResponse.builder()
        .plaintext(SdkBytes.fromByteArrayUnsafe(plaintext))
        .ciphertextBlob(SdkBytes.fromByteArray(blob))
        .keyId(keyId)
        .build();
  }

  /** A KMS client that returns {@code response} for every GenerateDataKey. */
  private static KmsClient cannedResponse(GenerateDataKeyResponse response) {
    return new KmsClient() {
      @Override
      public GenerateDataKeyResponse generateDataKey(GenerateDataKeyRequest request) {
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
