package dev.reckon.adapter.kms.opening;

import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.Envelope;
import dev.reckon.adapter.kms.aws.KmsErrors;
import dev.reckon.adapter.kms.aws.KmsSettings;
import dev.reckon.ports.out.MasterKeyUnavailableException;
import dev.reckon.ports.out.MasterKeyUnavailableException.Reason;
import dev.reckon.ports.out.UnableToOpenKeyException;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.ReEncryptRequest;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/**
 * Moves a record's data key to the current KMS key with {@code ReEncrypt}, so that a previous key
 * can be retired. The plaintext data key never leaves KMS.
 *
 * <p>The source key is pinned to the key ARN the record names, which must be one this worker
 * accepts. The destination is the current key ARN. The encryption context stays the same on both
 * sides, and the key ARNs KMS returns are checked against the pinned ones.
 */
public final class KmsDataKeyRewrapper implements DataKeyRewrapper {

  static final String SOURCE_KEY_MISMATCH =
      "KMS re-encrypted the data key from another key than the sealed key names";
  static final String DESTINATION_KEY_MISMATCH =
      "KMS re-encrypted the data key to another key than the current one";
  static final String INVALID_WRAPPED_KEY =
      "KMS returned a re-encrypted data key of invalid length";

  private final KmsClient kms;
  private final String currentKeyArn;
  private final List<String> acceptedKeyArns;

  /**
   * Creates a rewrapper that calls {@code kms}, accepts the key ARNs of {@code settings} as sources
   * and wraps with its current key.
   *
   * @throws IllegalArgumentException when the settings name the current key by alias
   */
  public KmsDataKeyRewrapper(KmsClient kms, KmsSettings settings) {
    this.kms = Objects.requireNonNull(kms, "kms");
    this.acceptedKeyArns = Objects.requireNonNull(settings, "settings").openingKeyArns();
    this.currentKeyArn = settings.keyId();
  }

  @Override
  public String currentMasterKeyId() {
    return currentKeyArn;
  }

  @Override
  public Envelope rewrap(Envelope envelope, EncryptionContext context) {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(context, "context");
    String sourceKeyArn = envelope.masterKeyId();
    if (!acceptedKeyArns.contains(sourceKeyArn)) {
      throw new UnableToOpenKeyException(KmsDataKeyUnwrapper.KEY_NOT_ACCEPTED);
    }
    SortedMap<String, String> contextMap = context.asMap();
    ReEncryptRequest request =
        ReEncryptRequest.builder()
            .ciphertextBlob(SdkBytes.fromByteArray(envelope.wrappedDataKey()))
            .sourceKeyId(sourceKeyArn)
            .sourceEncryptionContext(contextMap)
            .sourceEncryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
            .destinationKeyId(currentKeyArn)
            .destinationEncryptionContext(contextMap)
            .destinationEncryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
            .build();

    ReEncryptResponse response;
    try {
      response = kms.reEncrypt(request);
    } catch (SdkException e) {
      throw KmsErrors.openingFailure(e);
    }

    return new Envelope(
        currentKeyArn,
        requireValid(sourceKeyArn, response),
        envelope.iv(),
        envelope.ciphertextAndTag());
  }

  @Override
  public String toString() {
    return "KmsDataKeyRewrapper[currentKeyArn="
        + currentKeyArn
        + ", acceptedKeyArns="
        + acceptedKeyArns
        + "]";
  }

  private byte[] requireValid(String sourceKeyArn, ReEncryptResponse response) {
    if (!sourceKeyArn.equals(response.sourceKeyId())) {
      throw new UnableToOpenKeyException(SOURCE_KEY_MISMATCH);
    }
    if (!currentKeyArn.equals(response.keyId())) {
      throw new UnableToOpenKeyException(DESTINATION_KEY_MISMATCH);
    }
    byte[] wrapped =
        response.ciphertextBlob() == null ? null : response.ciphertextBlob().asByteArray();
    if (wrapped == null
        || wrapped.length == 0
        || wrapped.length > Envelope.MAX_WRAPPED_DATA_KEY_BYTES) {
      throw new MasterKeyUnavailableException(Reason.SERVICE_ERROR, INVALID_WRAPPED_KEY, null);
    }
    return wrapped;
  }
}
