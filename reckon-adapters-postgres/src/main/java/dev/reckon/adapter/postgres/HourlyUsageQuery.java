package dev.reckon.adapter.postgres;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.usage.BucketWidth;
import dev.reckon.domain.usage.TokenCounts;
import dev.reckon.domain.usage.UsageBucket;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** The query behind {@link JdbiSpendReadModel#hourlyUsage}. */
final class HourlyUsageQuery {

  // Buckets of several provider keys with the same hour and dimensions are added together, so
  // each row is one hour of one combination. The "C" collation orders text by code point, the
  // order Java's String.compareTo gives, whatever the database's default collation is.
  private static final String HOURLY_USAGE =
      """
      select u.bucket_start, u.provider, u.model, u.project, u.api_key, u.service_tier,
          sum(u.uncached_input)::bigint as uncached_input,
          sum(u.cached_input)::bigint as cached_input,
          sum(u.cache_write_5m)::bigint as cache_write_5m,
          sum(u.cache_write_1h)::bigint as cache_write_1h,
          sum(u.output_tokens)::bigint as output_tokens,
          sum(u.requests)::bigint as requests
      from reckon.usage_buckets u
      where u.org_id = :org
          and u.bucket_width = '1h'
          and u.bucket_start >= :from
          and u.bucket_start < :to
          <provider>
      group by 1, 2, 3, 4, 5, 6
      order by u.bucket_start, u.provider collate "C", u.model collate "C",
          u.project collate "C", u.api_key collate "C", u.service_tier collate "C"
      """;

  private HourlyUsageQuery() {}

  static List<UsageBucket> run(
      Handle handle, OrgId orgId, Instant from, Instant to, Optional<Provider> provider) {
    Query query =
        handle
            .createQuery(HOURLY_USAGE)
            .bind("org", orgId.value())
            .bind("from", SqlValues.timestamp(from))
            .bind("to", SqlValues.timestamp(to));
    if (provider.isPresent()) {
      query.define("provider", "and u.provider = :provider").bind("provider", provider.get().id());
    } else {
      query.define("provider", "");
    }
    return query.map(HourlyUsageQuery::bucket).list();
  }

  private static UsageBucket bucket(ResultSet rs, StatementContext ctx) throws SQLException {
    TokenCounts tokens =
        new TokenCounts(
            rs.getLong("uncached_input"),
            rs.getLong("cached_input"),
            rs.getLong("cache_write_5m"),
            rs.getLong("cache_write_1h"),
            rs.getLong("output_tokens"));
    long requests = rs.getLong("requests");
    Long reportedRequests = rs.wasNull() ? null : requests;
    return new UsageBucket(
        Provider.fromId(rs.getString("provider")),
        SqlValues.instant(rs, "bucket_start"),
        BucketWidth.HOUR,
        rs.getString("model"),
        rs.getString("project"),
        rs.getString("api_key"),
        rs.getString("service_tier"),
        tokens,
        reportedRequests);
  }
}
