package dev.reckon.adapter.postgres;

import dev.reckon.domain.shared.OrgId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Usage and cost rows written with plain SQL at any instant, for retention tests that place rows a
 * microsecond from a cutoff, where no provider bucket starts. Each row gets a random provider key
 * id, so rows never collide.
 */
final class RawBuckets {

  private static final String INSERT_USAGE =
      """
      insert into reckon.usage_buckets (org_id, provider_key_id, provider, bucket_width,
          bucket_start, model, project, api_key, service_tier, uncached_input, cached_input,
          cache_write_5m, cache_write_1h, output_tokens, requests)
      values (:org, gen_random_uuid(), 'openai', '1h', :start, 'm', 'p', 'k', 't', 1, 1, 1, 1, 1,
          1)
      """;

  private static final String INSERT_COST =
      """
      insert into reckon.cost_buckets (org_id, provider_key_id, provider, bucket_start, project,
          line_item, model, token_type, service_tier, amount, currency)
      values (:org, gen_random_uuid(), 'openai', :start, 'p', 'l', 'm', 't', 's', 1.5, 'USD')
      """;

  private RawBuckets() {}

  /** Writes one usage row per start, as {@code worker} in the organization's context. */
  static void insertUsage(Jdbi worker, OrgId orgId, Instant... starts) {
    insert(worker, INSERT_USAGE, orgId, starts);
  }

  /** Writes one cost row per start, as {@code worker} in the organization's context. */
  static void insertCosts(Jdbi worker, OrgId orgId, Instant... starts) {
    insert(worker, INSERT_COST, orgId, starts);
  }

  static List<Instant> usageStarts(Jdbi worker, OrgId orgId) {
    return starts(worker, "usage_buckets", orgId);
  }

  static List<Instant> costStarts(Jdbi worker, OrgId orgId) {
    return starts(worker, "cost_buckets", orgId);
  }

  private static void insert(Jdbi worker, String sql, OrgId orgId, Instant... starts) {
    worker.useTransaction(
        h -> {
          TenantTransactions.setOrg(h, orgId);
          for (Instant start : starts) {
            h.createUpdate(sql)
                .bind("org", orgId.value())
                .bind("start", SqlValues.timestamp(start))
                .execute();
          }
        });
  }

  private static List<Instant> starts(Jdbi worker, String table, OrgId orgId) {
    return worker.inTransaction(
        h -> {
          TenantTransactions.setOrg(h, orgId);
          return h.createQuery(
                  "select bucket_start from reckon."
                      + table
                      + " where org_id = :org order by bucket_start")
              .bind("org", orgId.value())
              .mapTo(OffsetDateTime.class)
              .map(OffsetDateTime::toInstant)
              .list();
        });
  }
}
