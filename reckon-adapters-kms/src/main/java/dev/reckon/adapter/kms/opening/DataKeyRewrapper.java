package dev.reckon.adapter.kms.opening;

import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.Envelope;
import java.util.List;
import java.util.Set;

/**
 * Moves a sealed record's data key to the current master key, leaving the encrypted provider key as
 * it is. It lives in the opening package because re-wrapping needs the right to unwrap.
 *
 * <p>This is the shape of AWS KMS {@code ReEncrypt}: the source key is pinned to the record's
 * master key id, the destination is the current key, and the context stays the same.
 */
public interface DataKeyRewrapper {

  /** Returns the id that new and re-wrapped data keys carry. */
  String currentMasterKeyId();

  /**
   * Returns {@code envelope} with its data key wrapped by the current master key: the same IV and
   * ciphertext, a new wrapped key and the current master key id.
   *
   * @throws dev.reckon.ports.out.UnableToOpenKeyException when the wrapped key is altered, bound to
   *     another context or names a master key this rewrapper does not accept
   * @throws dev.reckon.ports.out.MasterKeyUnavailableException when the key service cannot be used
   */
  Envelope rewrap(Envelope envelope, EncryptionContext context);

  /**
   * Forgets the master key versions that are neither current nor in {@code inUse}, and returns
   * their ids. Only a master key kept by Reckon itself can do this; a KMS key is retired in the
   * KMS, so the default retires nothing.
   */
  default List<String> retireUnused(Set<String> inUse) {
    return List.of();
  }
}
