package dev.reckon.archfixture.web;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;

/**
 * A deliberate violation for the architecture tests: web-tier code that calls KMS Decrypt through
 * the AWS SDK, which the SDK's own classes may mention but Reckon's web code may not.
 */
final class PlantedKmsDecryptUse {

  private final KmsClient kms;

  PlantedKmsDecryptUse(KmsClient kms) {
    this.kms = kms;
  }

  int decryptedLength(byte[] wrapped) {
    DecryptRequest request =
        DecryptRequest.builder().ciphertextBlob(SdkBytes.fromByteArray(wrapped)).build();
    return kms.decrypt(request).plaintext().asByteArrayUnsafe().length;
  }
}
