package dev.reckon.ports.out;

import dev.reckon.domain.shared.OrgId;

/**
 * Deletes every stored row of an organization, one bounded batch per call.
 *
 * <p>Each call is its own transaction scoped to the organization and commits before it returns, so
 * an interrupted deletion keeps what it deleted and a later call continues from there. Calls for an
 * organization that has no rows left delete nothing and succeed.
 */
public interface OrganizationDataEraser {

  /**
   * Deletes at most {@code limit} of the organization's rows of one kind. Deleting a provider key
   * deletes its sealed key with it, which makes the key unrecoverable from this database.
   *
   * @return how many rows were deleted, less than {@code limit} once none of that kind are left
   * @throws IllegalArgumentException when {@code limit} is less than 1
   */
  int deleteBatch(OrgId orgId, TenantData kind, int limit);

  /**
   * Deletes the organization's own row, the last step of a deletion.
   *
   * @return whether a row was deleted, which is false when the organization no longer exists
   */
  boolean deleteOrganization(OrgId orgId);

  /** The kinds of rows an organization owns besides its own row. */
  enum TenantData {
    PROVIDER_KEYS,
    INGESTION_WATERMARKS,
    USAGE_BUCKETS,
    COST_BUCKETS,
    PROVIDER_NAMES,
    DEAD_LETTERS
  }
}
