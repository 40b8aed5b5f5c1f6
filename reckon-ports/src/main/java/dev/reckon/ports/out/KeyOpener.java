package dev.reckon.ports.out;

import dev.reckon.domain.secret.SecretBytes;

/**
 * Decrypts a sealed provider key. Implemented only in the worker's opening package; the web tier
 * has no implementation on its class path.
 */
public interface KeyOpener {

  /**
   * Opens the envelope, checking it was sealed for exactly this binding. The caller owns the
   * returned secret and must close it.
   *
   * @throws UnableToOpenKeyException when the envelope is malformed, tampered with, sealed for
   *     another row, or its master key is unavailable; the message never contains key material
   */
  SecretBytes open(SealedKey sealed, KeyBinding binding);
}
