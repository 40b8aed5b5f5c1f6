package dev.reckon.adapter.kms;

import dev.reckon.ports.out.UnableToSealKeyException;

/**
 * The sealing side of a master key: makes a new data key and returns it both in plaintext and
 * wrapped by the master key. It cannot unwrap, so the web tier can hold one.
 *
 * <p>This is the shape of AWS KMS {@code GenerateDataKey} with {@code KeySpec=AES_256}: the context
 * goes in as the {@code EncryptionContext}, and the returned master key id is the key ARN that KMS
 * reports.
 */
public interface DataKeyGenerator {

  /**
   * Generates a new random 256-bit data key bound to {@code context}. Every call returns a
   * different key. The caller owns the result and must close it.
   *
   * @throws UnableToSealKeyException when the master key cannot be used. The message never contains
   *     key material
   */
  GeneratedDataKey generateDataKey(EncryptionContext context);
}
