package dev.reckon.ports.out;

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

  /** Records the time of the last fully successful poll. */
  void recordSuccess(OrgId orgId, ProviderKeyId keyId, Instant at);

  /**
   * Lists the ids of every active key of every organization, the one cross-tenant read the worker
   * needs to know what to poll. Returns ids only.
   */
  List<KeyRef> listActiveKeys();
}
