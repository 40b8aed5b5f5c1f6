package dev.reckon.adapter.postgres;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.ports.out.OrganizationDataEraser;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes an organization's rows from every tenant table in bounded batches, as the worker role.
 * Each batch is one transaction in the organization's context, so row-level security confines it to
 * that organization even apart from the {@code org_id} condition.
 */
public final class JdbiOrganizationDataEraser implements OrganizationDataEraser {

  private static final String IN_ORG = "org_id = :org";

  private final TenantTransactions transactions;

  /**
   * @param jdbi created with {@link ReckonJdbi#create} over a pool of the worker role
   */
  public JdbiOrganizationDataEraser(Jdbi jdbi) {
    this.transactions = new TenantTransactions(jdbi);
  }

  @Override
  public int deleteBatch(OrgId orgId, TenantData kind, int limit) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(kind, "kind");
    BatchDeletes.requireLimit(limit);
    String table = table(kind);
    return transactions.inOrg(
        orgId,
        "delete a batch of " + table,
        handle ->
            handle
                .createUpdate(BatchDeletes.statement(table, IN_ORG))
                .bind("org", orgId.value())
                .bind("limit", limit)
                .execute());
  }

  @Override
  public boolean deleteOrganization(OrgId orgId) {
    Objects.requireNonNull(orgId, "orgId");
    int deleted =
        transactions.inOrg(
            orgId,
            "delete organization",
            handle ->
                handle
                    .createUpdate("delete from reckon.organizations where " + IN_ORG)
                    .bind("org", orgId.value())
                    .execute());
    return deleted > 0;
  }

  // Deleting a provider key also deletes its watermarks through their foreign key.
  static String table(TenantData kind) {
    return switch (kind) {
      case PROVIDER_KEYS -> "provider_keys";
      case INGESTION_WATERMARKS -> "ingestion_watermarks";
      case USAGE_BUCKETS -> "usage_buckets";
      case COST_BUCKETS -> "cost_buckets";
      case PROVIDER_NAMES -> "provider_names";
      case DEAD_LETTERS -> "dead_letters";
    };
  }
}
