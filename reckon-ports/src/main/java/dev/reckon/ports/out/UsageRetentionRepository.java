package dev.reckon.ports.out;

import dev.reckon.domain.shared.OrgId;
import java.time.Instant;

/**
 * Deletes an organization's usage and cost buckets that start before a cutoff, in bounded batches.
 *
 * <p>Each call is its own transaction scoped to the organization, so a call never touches another
 * organization's rows, and an interrupted prune keeps the batches it committed. Calling again with
 * the same cutoff once a call has returned fewer rows than {@code limit} deletes nothing more
 * unless old rows were written since.
 */
public interface UsageRetentionRepository {

  /**
   * Deletes at most {@code limit} of the organization's usage buckets whose start is before {@code
   * cutoff}, and none that start at or after it.
   *
   * @return how many rows were deleted, less than {@code limit} once no more rows qualify
   * @throws IllegalArgumentException when {@code limit} is less than 1
   */
  int deleteUsageBefore(OrgId orgId, Instant cutoff, int limit);

  /** Does for cost buckets what {@link #deleteUsageBefore} does for usage buckets. */
  int deleteCostsBefore(OrgId orgId, Instant cutoff, int limit);
}
