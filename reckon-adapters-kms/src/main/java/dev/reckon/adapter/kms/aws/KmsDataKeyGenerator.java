package dev.reckon.adapter.kms.aws;

import dev.reckon.adapter.kms.AesGcm;
import dev.reckon.adapter.kms.DataKeyGenerator;
import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.Envelope;
import dev.reckon.adapter.kms.GeneratedDataKey;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.ports.out.UnableToSealKeyException;
import java.util.Arrays;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * Generates data keys with AWS KMS {@code GenerateDataKey}: an AES-256 key bound to the record's
 * encryption context, under the configured key. This is the sealing side, which the web tier may
 * hold: its IAM role needs {@code kms:GenerateDataKey} only.
 *
 * <p>The plaintext data key is the SDK's own array, taken without a copy, so closing the returned
 * {@link GeneratedDataKey} zeroes the only copy Reckon holds. The base64 text of the HTTP response
 * and the JSON parser's buffers are out of reach, as the SDK does not expose them.
 */
public final class KmsDataKeyGenerator implements DataKeyGenerator {

  static final String MISSING_PLAINTEXT = "KMS returned no plaintext data key";
  static final String WRONG_PLAINTEXT_LENGTH = "KMS returned a data key that is not 256 bits";
  static final String INVALID_WRAPPED_KEY = "KMS returned a wrapped data key of invalid length";
  static final String UNEXPECTED_KEY_ID =
      "KMS returned a data key under another master key than the configured one";

  private final KmsClient kms;
  private final KmsSettings settings;

  /** Creates a generator that calls {@code kms} with the key of {@code settings}. */
  public KmsDataKeyGenerator(KmsClient kms, KmsSettings settings) {
    this.kms = Objects.requireNonNull(kms, "kms");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * {@inheritDoc}
   *
   * @throws dev.reckon.ports.out.MasterKeyUnavailableException when KMS throttles or fails, denies
   *     access, or the key is disabled or scheduled for deletion
   */
  @Override
  public GeneratedDataKey generateDataKey(EncryptionContext context) {
    Objects.requireNonNull(context, "context");
    GenerateDataKeyRequest request =
        GenerateDataKeyRequest.builder()
            .keyId(settings.keyId())
            .keySpec(DataKeySpec.AES_256)
            .encryptionContext(context.asMap())
            .build();

    GenerateDataKeyResponse response;
    try {
      response = kms.generateDataKey(request);
    } catch (SdkException e) {
      throw KmsErrors.sealingFailure(e);
    }

    SdkBytes plaintextBytes = response.plaintext();
    if (plaintextBytes == null) {
      throw new UnableToSealKeyException(MISSING_PLAINTEXT, null);
    }
    byte[] plaintext = plaintextBytes.asByteArrayUnsafe();
    boolean handedOver = false;
    try {
      GeneratedDataKey dataKey = toDataKey(plaintext, response);
      handedOver = true;
      return dataKey;
    } finally {
      if (!handedOver) {
        Arrays.fill(plaintext, (byte) 0);
      }
    }
  }

  @Override
  public String toString() {
    return "KmsDataKeyGenerator[keyId=" + settings.keyId() + "]";
  }

  private GeneratedDataKey toDataKey(byte[] plaintext, GenerateDataKeyResponse response) {
    if (plaintext.length != AesGcm.KEY_BYTES) {
      throw new UnableToSealKeyException(WRONG_PLAINTEXT_LENGTH, null);
    }
    byte[] wrapped =
        response.ciphertextBlob() == null ? null : response.ciphertextBlob().asByteArray();
    if (wrapped == null
        || wrapped.length == 0
        || wrapped.length > Envelope.MAX_WRAPPED_DATA_KEY_BYTES) {
      throw new UnableToSealKeyException(INVALID_WRAPPED_KEY, null);
    }
    String keyArn = response.keyId();
    if (!isConfiguredKey(keyArn)) {
      throw new UnableToSealKeyException(UNEXPECTED_KEY_ID, null);
    }
    // SecretBytes takes the SDK's array without copying, so no second plaintext copy exists.
    return new GeneratedDataKey(SecretBytes.takeOwnership(plaintext), wrapped, keyArn);
  }

  /**
   * Returns whether KMS reported a key ARN that can be the configured key: the same ARN when a key
   * ARN is configured. For an alias only the ARN shape is checked (the region was checked when the
   * settings were made), because KMS resolves the alias to its current key.
   */
  private boolean isConfiguredKey(String keyArn) {
    if (!KmsSettings.isKeyArn(keyArn)) {
      return false;
    }
    if (settings.keyIdIsKeyArn()) {
      return keyArn.equals(settings.keyId());
    }
    return KmsSettings.regionOfKeyArn(keyArn).equals(settings.region());
  }
}
