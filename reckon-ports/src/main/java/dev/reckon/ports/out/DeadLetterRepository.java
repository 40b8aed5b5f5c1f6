package dev.reckon.ports.out;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Dead letters of the worker's jobs. A key has at most one open dead letter per job: a further
 * exhausted run updates it rather than adding another. Every method except {@link
 * #listRetryRequests()} works inside the given organization only.
 */
public interface DeadLetterRepository {

  /**
   * Records that {@code job} of the key failed every attempt: updates the open dead letter (adding
   * the attempts, keeping the first failure time) or opens a new one with {@code newId}.
   */
  void recordExhausted(DeadLetter failure, UUID newId);

  /** Lists the organization's dead letters of one key, newest failure first. */
  List<DeadLetter> list(OrgId orgId, ProviderKeyId keyId);

  Optional<DeadLetter> find(OrgId orgId, UUID id);

  /** Counts the open dead letters of one key. */
  int countOpen(OrgId orgId, ProviderKeyId keyId);

  /**
   * Marks an open dead letter for retry.
   *
   * @return whether an open dead letter of the organization was found
   */
  boolean requestRetry(OrgId orgId, UUID id, Instant at);

  /** Resolves every open dead letter of the key's job, as after a successful run. */
  void resolve(OrgId orgId, ProviderKeyId keyId, String job, Instant at);

  /** Lists open dead letters an admin asked to retry, across organizations, with ids only. */
  List<RetryRequest> listRetryRequests();

  /** Ids of one dead letter marked for retry. */
  record RetryRequest(OrgId orgId, UUID deadLetterId, ProviderKeyId keyId) {}
}
