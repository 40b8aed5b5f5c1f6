package dev.reckon.worker.jobs;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import java.time.Instant;
import java.util.UUID;

/**
 * The task data of one key's ingestion job, stored as JSON in the job table: ids and an attempt
 * count, nothing else.
 *
 * @param failedAttempts failed attempts of the current run, 0 when the last run succeeded
 * @param firstFailureAt when the current run first failed, or null
 */
public record KeyJobData(String orgId, String keyId, int failedAttempts, Instant firstFailureAt) {

  static KeyJobData of(OrgId orgId, ProviderKeyId keyId) {
    return new KeyJobData(orgId.value().toString(), keyId.value().toString(), 0, null);
  }

  OrgId org() {
    return new OrgId(UUID.fromString(orgId));
  }

  ProviderKeyId key() {
    return new ProviderKeyId(UUID.fromString(keyId));
  }

  /** Returns the data after one more failed attempt at {@code at}. */
  KeyJobData failedAgain(Instant at) {
    return new KeyJobData(
        orgId, keyId, failedAttempts + 1, firstFailureAt == null ? at : firstFailureAt);
  }

  /** Returns the data of a fresh run, with no failures. */
  KeyJobData fresh() {
    return new KeyJobData(orgId, keyId, 0, null);
  }

  /** Returns the job table's instance id: the organization id, a colon and the key id. */
  String instanceId() {
    return orgId + ":" + keyId;
  }
}
