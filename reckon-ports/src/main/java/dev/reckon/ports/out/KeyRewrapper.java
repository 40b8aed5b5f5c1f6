package dev.reckon.ports.out;

import java.util.List;
import java.util.Set;

/**
 * Moves sealed keys to the current master key without decrypting the provider key inside them.
 * Implemented next to the opener, in the worker only, because re-wrapping needs the right to unwrap
 * data keys.
 */
public interface KeyRewrapper {

  /** Returns the id of the master key that new seals and re-wrapped keys use. */
  String currentMasterKeyId();

  /**
   * Returns the id of the master key that wrapped the sealed key's data key.
   *
   * @throws UnableToOpenKeyException when the sealed key is malformed
   */
  String masterKeyIdOf(SealedKey sealed);

  /**
   * Returns the sealed key with its data key wrapped by the current master key. The encrypted
   * provider key is carried over unchanged.
   *
   * @throws UnableToOpenKeyException when the sealed key is malformed, was sealed for another row
   *     or names a master key that is not accepted
   * @throws MasterKeyUnavailableException when the key service cannot be used
   */
  SealedKey rewrap(SealedKey sealed, KeyBinding binding);

  /**
   * Forgets master key versions that are neither current nor in {@code inUse}, where the master key
   * lives with Reckon (the local key file). Returns the ids retired; a KMS master key returns none,
   * since its keys are retired in the KMS.
   */
  List<String> retireUnused(Set<String> inUse);
}
