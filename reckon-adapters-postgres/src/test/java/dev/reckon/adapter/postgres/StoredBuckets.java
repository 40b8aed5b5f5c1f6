package dev.reckon.adapter.postgres;

import dev.reckon.domain.shared.Money;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.domain.usage.BucketWidth;
import dev.reckon.domain.usage.CostBucket;
import dev.reckon.domain.usage.TokenCounts;
import dev.reckon.domain.usage.UsageBucket;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Reads stored buckets back as domain values, for tests. */
final class StoredBuckets {

  private final TenantTransactions transactions;

  StoredBuckets(Jdbi jdbi) {
    this.transactions = new TenantTransactions(jdbi);
  }

  List<UsageBucket> usage(OrgId orgId, ProviderKeyId keyId) {
    return transactions.inOrg(
        orgId,
        "read stored usage",
        handle ->
            handle
                .createQuery(
                    "select * from reckon.usage_buckets"
                        + " where org_id = :org and provider_key_id = :key")
                .bind("org", orgId.value())
                .bind("key", keyId.value())
                .map(
                    (rs, ctx) -> {
                      long requests = rs.getLong("requests");
                      Long nullableRequests = rs.wasNull() ? null : requests;
                      return new UsageBucket(
                          Provider.fromId(rs.getString("provider")),
                          SqlValues.instant(rs, "bucket_start"),
                          rs.getString("bucket_width").equals("1h")
                              ? BucketWidth.HOUR
                              : BucketWidth.DAY,
                          rs.getString("model"),
                          rs.getString("project"),
                          rs.getString("api_key"),
                          rs.getString("service_tier"),
                          new TokenCounts(
                              rs.getLong("uncached_input"),
                              rs.getLong("cached_input"),
                              rs.getLong("cache_write_5m"),
                              rs.getLong("cache_write_1h"),
                              rs.getLong("output_tokens")),
                          nullableRequests);
                    })
                .list());
  }

  List<CostBucket> costs(OrgId orgId, ProviderKeyId keyId) {
    return transactions.inOrg(
        orgId,
        "read stored costs",
        handle ->
            handle
                .createQuery(
                    "select * from reckon.cost_buckets"
                        + " where org_id = :org and provider_key_id = :key")
                .bind("org", orgId.value())
                .bind("key", keyId.value())
                .map(
                    (rs, ctx) ->
                        new CostBucket(
                            Provider.fromId(rs.getString("provider")),
                            SqlValues.instant(rs, "bucket_start"),
                            rs.getString("project"),
                            rs.getString("line_item"),
                            rs.getString("model"),
                            rs.getString("token_type"),
                            rs.getString("service_tier"),
                            new Money(rs.getBigDecimal("amount"), rs.getString("currency"))))
                .list());
  }
}
