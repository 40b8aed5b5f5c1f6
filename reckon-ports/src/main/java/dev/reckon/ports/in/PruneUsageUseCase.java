package dev.reckon.ports.in;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.Plan;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Deletes usage and cost history older than the current plan of each organization keeps.
 *
 * <p>The plan is read at every run, so a downgrade prunes more at the next run, and an upgrade
 * cannot bring back rows an earlier run deleted. Rows are deleted in bounded batches of one
 * transaction each, so an interrupted run keeps what it deleted, and a second run with the same
 * date deletes nothing more. A run never deletes rows that start at or after the cutoff, nor rows
 * of another organization than the one it works on.
 */
public interface PruneUsageUseCase {

  /**
   * Prunes every organization, one after the other. A failure stops the run and throws the
   * exception of the organization that failed. The organizations pruned before it stay pruned.
   */
  Summary pruneAll();

  /**
   * Prunes one organization.
   *
   * @return the rows deleted, or empty when the organization does not exist
   */
  Optional<OrganizationPruned> pruneOrganization(OrgId orgId);

  /**
   * The rows one organization's prune deleted.
   *
   * @param plan the plan read at the start of the prune
   * @param retentionDays the days that plan keeps
   * @param cutoff the first instant kept, so rows starting before it were deleted
   * @param usageRows usage buckets deleted
   * @param costRows cost buckets deleted
   */
  record OrganizationPruned(
      OrgId orgId, Plan plan, int retentionDays, Instant cutoff, long usageRows, long costRows) {

    public OrganizationPruned {
      Objects.requireNonNull(orgId, "orgId");
      Objects.requireNonNull(plan, "plan");
      Objects.requireNonNull(cutoff, "cutoff");
    }
  }

  /**
   * The totals of one run over every organization.
   *
   * @param organizations organizations pruned
   * @param usageRows usage buckets deleted across them
   * @param costRows cost buckets deleted across them
   * @param perOrganization one entry per organization pruned, in the order pruned
   */
  record Summary(
      int organizations, long usageRows, long costRows, List<OrganizationPruned> perOrganization) {

    public Summary {
      perOrganization = List.copyOf(perOrganization);
    }

    /** Adds up the per-organization results. */
    public static Summary of(List<OrganizationPruned> perOrganization) {
      long usage = 0;
      long costs = 0;
      for (OrganizationPruned pruned : perOrganization) {
        usage += pruned.usageRows();
        costs += pruned.costRows();
      }
      return new Summary(perOrganization.size(), usage, costs, perOrganization);
    }
  }
}
