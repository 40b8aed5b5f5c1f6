package dev.reckon.adapter.postgres;

import static dev.reckon.ports.testing.CostBucketBuilder.cost;
import static dev.reckon.ports.testing.UsageBucketBuilder.usage;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.usage.EntityName;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.testing.Fixtures;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Organizations with rows in every tenant table, and counts of an organization's rows per table,
 * for tests of retention and data deletion.
 */
final class TenantRows {

  /**
   * Tables that {@link #seed} fills through the repositories rather than {@link
   * TenantTable#insertSql}: an organization has one row, and a watermark needs an existing key.
   */
  private static final Set<TenantTable> SEEDED_THROUGH_REPOSITORIES =
      Set.of(TenantTable.ORGANIZATIONS, TenantTable.INGESTION_WATERMARKS);

  private TenantRows() {}

  /**
   * Creates an organization with {@code keys} provider keys, each with usage, cost, names and two
   * watermarks, plus {@code extraRows} rows written by {@link TenantTable#insertSql} in every other
   * tenant table.
   */
  static OrgId seed(TestDatabase database, int keys, int extraRows) {
    Organization organization = Fixtures.organization();
    new JdbiOrganizationRepository(database.web()).insert(organization);
    for (int i = 0; i < keys; i++) {
      seedKey(database, organization.id());
    }

    for (TenantTable table : TenantTable.values()) {
      if (SEEDED_THROUGH_REPOSITORIES.contains(table)) {
        continue;
      }
      for (int i = 0; i < extraRows; i++) {
        insert(database.owner(), organization.id(), table);
      }
    }
    return organization.id();
  }

  /** Lists every table of schema reckon that has an {@code org_id} column. */
  static List<String> tablesWithOrgId(Jdbi owner) {
    return owner.withHandle(
        h ->
            h.createQuery(
                    """
                    select c.table_name
                    from information_schema.columns c
                    join information_schema.tables t
                        on t.table_schema = c.table_schema and t.table_name = c.table_name
                    where c.table_schema = 'reckon' and c.column_name = 'org_id'
                        and t.table_type = 'BASE TABLE'
                    order by c.table_name
                    """)
                .mapTo(String.class)
                .list());
  }

  /**
   * Counts the organization's rows in each table, as the owner in the organization's context, so
   * that row-level security and the {@code org_id} condition both apply.
   */
  static Map<String, Long> count(Jdbi owner, OrgId orgId, List<String> tables) {
    return owner.inTransaction(
        h -> {
          TenantTransactions.setOrg(h, orgId);
          Map<String, Long> counts = new LinkedHashMap<>();
          for (String table : tables) {
            // Table names come from the catalog query above, never from input.
            counts.put(
                table,
                h.createQuery("select count(*) from reckon." + table + " where org_id = :org")
                    .bind("org", orgId.value())
                    .mapTo(Long.class)
                    .one());
          }
          return counts;
        });
  }

  private static void seedKey(TestDatabase database, OrgId orgId) {
    ProviderKeyRecord key =
        Fixtures.providerKey(orgId, Provider.OPENAI, Instant.parse("2026-03-01T00:00:00Z"));
    new JdbiProviderKeyRepository(database.web()).insert(key);

    JdbiUsageRepository usage = new JdbiUsageRepository(database.worker());
    var day = Fixtures.scope(key, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z");
    usage.replaceUsage(
        day,
        List.of(
            usage().at("2026-03-01T01:00:00Z").build(),
            usage().at("2026-03-01T02:00:00Z").build()));
    usage.replaceCosts(day, List.of(cost().build()));
    usage.saveNames(
        orgId, key.id(), List.of(new EntityName(EntityName.Kind.PROJECT, "proj_test", "P")));
  }

  private static void insert(Jdbi owner, OrgId orgId, TenantTable table) {
    owner.useTransaction(
        h -> {
          TenantTransactions.setOrg(h, orgId);
          h.createUpdate(table.insertSql).bind("org", orgId.value()).execute();
        });
  }
}
