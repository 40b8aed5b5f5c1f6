package dev.reckon.ports.out;

import dev.reckon.domain.key.KeyHint;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored provider keys. Every method except {@link #listActiveKeys()} works inside the given
 * organization only: a key of another organization is never found, listed or changed.
 */
public interface ProviderKeyRepository {

  void insert(ProviderKeyRecord key);

  Optional<ProviderKeyRecord> find(OrgId orgId, ProviderKeyId keyId);

  /** Lists the organization's keys, oldest first. */
  List<ProviderKeyRecord> list(OrgId orgId);

  /** Stops polling the key and stores a reason safe to show admins. Idempotent. */
  void markNeedsAttention(OrgId orgId, ProviderKeyId keyId, String reason);

  /**
   * Replaces the sealed key and hint of an existing key, as when an admin replaces a revoked key,
   * and makes it active again. Usage history and watermarks stay with the key id. Does nothing for
   * a key that does not exist.
   */
  void replaceSealed(OrgId orgId, ProviderKeyId keyId, SealedKey sealed, KeyHint hint);

  /**
   * Deletes the key's row, and with it the sealed envelope and the key's watermarks.
   *
   * @return whether a key of the organization was deleted
   */
  boolean delete(OrgId orgId, ProviderKeyId keyId);

  /**
   * Stores {@code replacement} as the key's sealed envelope only when the stored one still equals
   * {@code expected}, so a key an admin replaced meanwhile is left alone. Status, hint and history
   * do not change.
   *
   * @return whether the envelope was replaced
   */
  boolean swapSealed(OrgId orgId, ProviderKeyId keyId, SealedKey expected, SealedKey replacement);

  /** Stops polling the key until it is replaced. Idempotent. */
  void markPaused(OrgId orgId, ProviderKeyId keyId);

  /**
   * Stores how the last run of the key went and when the next one is planned. A success resets the
   * failure count, which the caller passes as 0.
   */
  void recordRunState(
      OrgId orgId,
      ProviderKeyId keyId,
      int consecutiveFailures,
      Instant lastFailureAt,
      String lastErrorCategory,
      Instant nextRunAt);

  /** Returns the key's health, with the count of its open dead letters. */
  Optional<KeyHealth> health(OrgId orgId, ProviderKeyId keyId);

  /** Records the time of the last fully successful poll. */
  void recordSuccess(OrgId orgId, ProviderKeyId keyId, Instant at);

  /**
   * Lists the ids of every active key of every organization, the one cross-tenant read the worker
   * needs to know what to poll. Returns ids only.
   */
  List<KeyRef> listActiveKeys();
}
