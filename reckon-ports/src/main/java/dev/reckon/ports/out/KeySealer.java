package dev.reckon.ports.out;

import dev.reckon.domain.secret.SecretBytes;

/**
 * Encrypts a provider key under a fresh data key that is itself wrapped by the master key. Both the
 * web tier and the worker may seal; only the worker can open.
 */
public interface KeySealer {

  /**
   * Seals the key for the given row. Each call uses a new data key and IV, so sealing the same key
   * twice gives unrelated envelopes. The caller still owns and zeroes {@code plaintext}.
   *
   * @throws UnableToSealKeyException when the master key cannot be used; the message never contains
   *     key material
   */
  SealedKey seal(SecretBytes plaintext, KeyBinding binding);
}
