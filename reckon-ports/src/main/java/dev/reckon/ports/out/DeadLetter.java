package dev.reckon.ports.out;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A job that failed every attempt, kept until it succeeds or an admin retries it.
 *
 * @param window start and end of the data window the job was fetching when it failed; both null
 *     when it failed before fetching
 * @param errorCategory a stable word for the failure, such as {@code rate_limited}
 * @param errorMessage the scrubbed, bounded message of the last failure
 * @param retryRequestedAt when an admin asked for a retry, or null
 * @param resolvedAt when a later run succeeded or the retry was taken, or null while open
 */
public record DeadLetter(
    UUID id,
    OrgId orgId,
    ProviderKeyId keyId,
    String job,
    Instant windowStart,
    Instant windowEnd,
    int attempts,
    String errorCategory,
    String errorMessage,
    Instant firstFailureAt,
    Instant lastFailureAt,
    Instant retryRequestedAt,
    Instant resolvedAt) {

  public static final int MAX_MESSAGE_LENGTH = 500;

  public DeadLetter {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(errorCategory, "errorCategory");
    Objects.requireNonNull(errorMessage, "errorMessage");
    Objects.requireNonNull(firstFailureAt, "firstFailureAt");
    Objects.requireNonNull(lastFailureAt, "lastFailureAt");
    if (attempts < 1) {
      throw new IllegalArgumentException("'attempts' must be at least 1 (was " + attempts + ")");
    }
    if (errorMessage.length() > MAX_MESSAGE_LENGTH) {
      throw new IllegalArgumentException(
          "'errorMessage' must be at most "
              + MAX_MESSAGE_LENGTH
              + " characters (was "
              + errorMessage.length()
              + ")");
    }
  }

  public boolean open() {
    return resolvedAt == null;
  }
}
