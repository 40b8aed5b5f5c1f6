package dev.reckon.adapter.postgres;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.ports.out.UsageRetentionRepository;
import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/** Deletes old usage and cost buckets in bounded batches, as the worker role. */
public final class JdbiUsageRetentionRepository implements UsageRetentionRepository {

  private final TenantTransactions transactions;

  /**
   * @param jdbi created with {@link ReckonJdbi#create} over a pool of the worker role
   */
  public JdbiUsageRetentionRepository(Jdbi jdbi) {
    this.transactions = new TenantTransactions(jdbi);
  }

  @Override
  public int deleteUsageBefore(OrgId orgId, Instant cutoff, int limit) {
    return deleteBefore("usage_buckets", orgId, cutoff, limit);
  }

  @Override
  public int deleteCostsBefore(OrgId orgId, Instant cutoff, int limit) {
    return deleteBefore("cost_buckets", orgId, cutoff, limit);
  }

  private int deleteBefore(String table, OrgId orgId, Instant cutoff, int limit) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(cutoff, "cutoff");
    BatchDeletes.requireLimit(limit);
    return transactions.inOrg(
        orgId,
        "delete " + table + " before " + cutoff,
        handle ->
            handle
                .createUpdate(
                    BatchDeletes.statement(table, "org_id = :org and bucket_start < :cutoff"))
                .bind("org", orgId.value())
                .bind("cutoff", SqlValues.timestamp(cutoff))
                .bind("limit", limit)
                .execute());
  }
}
