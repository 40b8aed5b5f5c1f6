package dev.reckon.adapter.kms.opening;

import dev.reckon.adapter.kms.AesGcm;
import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.aws.KmsErrors;
import dev.reckon.adapter.kms.aws.KmsSettings;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.ports.out.MasterKeyUnavailableException;
import dev.reckon.ports.out.MasterKeyUnavailableException.Reason;
import dev.reckon.ports.out.UnableToOpenKeyException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;

/**
 * Unwraps data keys with AWS KMS {@code Decrypt}, accepting only the key ARNs of its {@link
 * KmsSettings}: the current key and the previous ones.
 *
 * <p>Every call pins {@code KeyId} to the key ARN the record names, so KMS rejects a blob made
 * under any other key the worker's role may use, and the key ARN KMS returns must be that same ARN.
 * The plaintext is the SDK's own array, taken without a copy, and is zeroed on every failure.
 */
public final class KmsDataKeyUnwrapper implements DataKeyUnwrapper {

  static final String KEY_NOT_ACCEPTED = "sealed key names a KMS key that is not accepted";
  static final String KEY_ID_MISMATCH =
      "KMS unwrapped the data key with another key than the sealed key names";
  static final String WRONG_PLAINTEXT_LENGTH = "KMS returned a data key that is not 256 bits";
  static final String MISSING_PLAINTEXT = "KMS response has no plaintext data key";

  private final KmsClient kms;
  private final List<String> acceptedKeyArns;

  /**
   * Creates an unwrapper that calls {@code kms} and accepts the key ARNs of {@code settings}.
   *
   * @throws IllegalArgumentException when the settings name the current key by alias
   */
  public KmsDataKeyUnwrapper(KmsClient kms, KmsSettings settings) {
    this.kms = Objects.requireNonNull(kms, "kms");
    this.acceptedKeyArns = Objects.requireNonNull(settings, "settings").openingKeyArns();
  }

  /**
   * {@inheritDoc}
   *
   * @throws MasterKeyUnavailableException when KMS throttles or fails, denies access, or the key is
   *     disabled or scheduled for deletion
   */
  @Override
  public SecretBytes unwrap(String masterKeyId, byte[] wrappedDataKey, EncryptionContext context) {
    Objects.requireNonNull(masterKeyId, "masterKeyId");
    Objects.requireNonNull(wrappedDataKey, "wrappedDataKey");
    Objects.requireNonNull(context, "context");
    if (!acceptedKeyArns.contains(masterKeyId)) {
      throw new UnableToOpenKeyException(KEY_NOT_ACCEPTED);
    }
    DecryptRequest request =
        DecryptRequest.builder()
            .keyId(masterKeyId)
            .ciphertextBlob(SdkBytes.fromByteArray(wrappedDataKey))
            .encryptionContext(context.asMap())
            .encryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
            .build();

    DecryptResponse response;
    try {
      response = kms.decrypt(request);
    } catch (SdkException e) {
      throw KmsErrors.openingFailure(e);
    }

    if (response.plaintext() == null) {
      throw new MasterKeyUnavailableException(Reason.SERVICE_ERROR, MISSING_PLAINTEXT, null);
    }
    byte[] plaintext = response.plaintext().asByteArrayUnsafe();
    boolean handedOver = false;
    try {
      requireValid(masterKeyId, response.keyId(), plaintext);
      SecretBytes dataKey = SecretBytes.takeOwnership(plaintext);
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
    return "KmsDataKeyUnwrapper[acceptedKeyArns=" + acceptedKeyArns + "]";
  }

  private static void requireValid(String pinnedKeyArn, String returnedKeyArn, byte[] plaintext) {
    // KMS already rejects a blob of another key when KeyId is pinned. Checking the returned id
    // again keeps a proxy or a misrouted endpoint from handing back some other key's data key.
    if (!pinnedKeyArn.equals(returnedKeyArn)) {
      throw new UnableToOpenKeyException(KEY_ID_MISMATCH);
    }
    if (plaintext.length != AesGcm.KEY_BYTES) {
      throw new UnableToOpenKeyException(WRONG_PLAINTEXT_LENGTH);
    }
  }
}
