package dev.reckon.ports.service;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.tenant.Plan;
import dev.reckon.ports.in.PruneUsageUseCase;
import dev.reckon.ports.out.OrganizationRepository;
import dev.reckon.ports.out.UsageRetentionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Prunes usage and cost buckets by the retention of each organization's current plan, in batches of
 * at most {@code batchSize} rows.
 */
public final class PruneUsageService implements PruneUsageUseCase {

  /** Rows per delete statement and transaction unless the caller sets another size. */
  public static final int DEFAULT_BATCH_SIZE = 5_000;

  private final OrganizationRepository organizations;
  private final UsageRetentionRepository retention;
  private final RetentionPolicy policy;
  private final Clock clock;
  private final int batchSize;

  public PruneUsageService(
      OrganizationRepository organizations,
      UsageRetentionRepository retention,
      RetentionPolicy policy,
      Clock clock) {
    this(organizations, retention, policy, clock, DEFAULT_BATCH_SIZE);
  }

  public PruneUsageService(
      OrganizationRepository organizations,
      UsageRetentionRepository retention,
      RetentionPolicy policy,
      Clock clock,
      int batchSize) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (batchSize < 1) {
      throw new IllegalArgumentException("'batchSize' must be at least 1 (was " + batchSize + ")");
    }
    this.batchSize = batchSize;
  }

  @Override
  public Summary pruneAll() {
    Instant now = clock.instant();
    List<OrganizationPruned> pruned = new ArrayList<>();

    for (OrgId orgId : organizations.listIds()) {
      prune(orgId, now).ifPresent(pruned::add);
    }

    return Summary.of(pruned);
  }

  @Override
  public Optional<OrganizationPruned> pruneOrganization(OrgId orgId) {
    Objects.requireNonNull(orgId, "orgId");
    return prune(orgId, clock.instant());
  }

  // The plan is read again for every organization and run, so that a plan change applies at the
  // next run. An organization deleted since it was listed is skipped.
  private Optional<OrganizationPruned> prune(OrgId orgId, Instant now) {
    Optional<Organization> organization = organizations.find(orgId);
    if (organization.isEmpty()) {
      return Optional.empty();
    }
    Plan plan = organization.get().plan();
    Instant cutoff = policy.cutoff(plan, now);

    long usageRows = deleteInBatches(() -> retention.deleteUsageBefore(orgId, cutoff, batchSize));
    long costRows = deleteInBatches(() -> retention.deleteCostsBefore(orgId, cutoff, batchSize));

    return Optional.of(
        new OrganizationPruned(orgId, plan, policy.days(plan), cutoff, usageRows, costRows));
  }

  private long deleteInBatches(Batch batch) {
    long total = 0;
    int deleted;
    do {
      deleted = batch.delete();
      total += deleted;
    } while (deleted >= batchSize);
    return total;
  }

  @FunctionalInterface
  private interface Batch {
    int delete();
  }
}
