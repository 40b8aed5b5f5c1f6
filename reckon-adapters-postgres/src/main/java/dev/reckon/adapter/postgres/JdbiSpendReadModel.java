package dev.reckon.adapter.postgres;

import dev.reckon.domain.report.DailyCost;
import dev.reckon.domain.report.DailyUsage;
import dev.reckon.domain.shared.Money;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.usage.TokenCounts;
import dev.reckon.domain.usage.UsageBucket;
import dev.reckon.ports.out.SpendReadModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Daily and hourly sums of one organization's stored usage and cost, computed by PostgreSQL. Rows
 * come ordered by day or hour, provider, then the other dimensions.
 */
public final class JdbiSpendReadModel implements SpendReadModel {

  // Days are grouped by the bucket's local date. The UTC range around those days only lets the
  // query use the primary key index. It reaches one day further on each side, which is more than
  // any zone's offset from UTC (at most 14 hours).
  private static final String DAILY_USAGE =
      """
      select (u.bucket_start at time zone :zone)::date as day, u.provider, u.model, u.project,
          u.api_key,
          sum(u.uncached_input)::bigint as uncached_input,
          sum(u.cached_input)::bigint as cached_input,
          sum(u.cache_write_5m)::bigint as cache_write_5m,
          sum(u.cache_write_1h)::bigint as cache_write_1h,
          sum(u.output_tokens)::bigint as output_tokens,
          sum(u.requests)::bigint as requests
      from reckon.usage_buckets u
      where u.org_id = :org
          and u.bucket_width = '1h'
          and u.bucket_start >= :rangeStart
          and u.bucket_start < :rangeEnd
          and (u.bucket_start at time zone :zone)::date between :from and :to
          <provider>
      group by 1, 2, 3, 4, 5
      order by 1, 2, 3, 4, 5
      """;

  private static final String DAILY_COSTS =
      """
      select (c.bucket_start at time zone 'UTC')::date as day, c.provider, c.project, c.model,
          c.currency, sum(c.amount) as amount
      from reckon.cost_buckets c
      where c.org_id = :org
          and c.bucket_start >= :rangeStart
          and c.bucket_start < :rangeEnd
          <provider>
      group by 1, 2, 3, 4, 5
      order by 1, 2, 3, 4, 5
      """;

  private final TenantTransactions transactions;

  /**
   * @param jdbi created with {@link ReckonJdbi#create} over a pool of either app role
   */
  public JdbiSpendReadModel(Jdbi jdbi) {
    this.transactions = new TenantTransactions(jdbi);
  }

  @Override
  public List<DailyUsage> dailyUsage(
      OrgId orgId, LocalDate from, LocalDate to, ZoneId zone, Optional<Provider> provider) {
    requireDays(from, to);
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(provider, "provider");
    return transactions.inOrg(
        orgId,
        "read daily usage",
        handle -> {
          Query query =
              handle
                  .createQuery(DAILY_USAGE)
                  .bind("org", orgId.value())
                  .bind("zone", PostgresTimeZones.of(zone))
                  .bind("from", from)
                  .bind("to", to)
                  .bind("rangeStart", from.minusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                  .bind("rangeEnd", to.plusDays(2).atStartOfDay().atOffset(ZoneOffset.UTC));
          return filterByProvider(query, "u", provider).map(JdbiSpendReadModel::dailyUsage).list();
        });
  }

  @Override
  public List<DailyCost> dailyCosts(
      OrgId orgId, LocalDate from, LocalDate to, Optional<Provider> provider) {
    requireDays(from, to);
    Objects.requireNonNull(provider, "provider");
    return transactions.inOrg(
        orgId,
        "read daily costs",
        handle -> {
          Query query =
              handle
                  .createQuery(DAILY_COSTS)
                  .bind("org", orgId.value())
                  .bind("rangeStart", from.atStartOfDay().atOffset(ZoneOffset.UTC))
                  .bind("rangeEnd", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
          return filterByProvider(query, "c", provider).map(JdbiSpendReadModel::dailyCost).list();
        });
  }

  @Override
  public List<UsageBucket> hourlyUsage(
      OrgId orgId, Instant from, Instant to, Optional<Provider> provider) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(provider, "provider");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "'from' must be before 'to' (was " + from + " and " + to + ")");
    }
    return transactions.inOrg(
        orgId,
        "read hourly usage",
        handle -> HourlyUsageQuery.run(handle, orgId, from, to, provider));
  }

  /**
   * Returns names across the organization's keys. When two rows name the same id, the one sorting
   * last by kind ({@code api_key} before {@code project}) and then provider key id wins.
   */
  @Override
  public Map<String, String> names(OrgId orgId) {
    Objects.requireNonNull(orgId, "orgId");
    return transactions.inOrg(
        orgId,
        "read provider names",
        handle -> {
          Map<String, String> names = new LinkedHashMap<>();
          handle
              .createQuery(
                  "select external_id, name from reckon.provider_names where org_id = :org"
                      + " order by kind, provider_key_id, external_id")
              .bind("org", orgId.value())
              .map((rs, ctx) -> Map.entry(rs.getString("external_id"), rs.getString("name")))
              .forEach(entry -> names.put(entry.getKey(), entry.getValue()));
          return names;
        });
  }

  private static Query filterByProvider(Query query, String alias, Optional<Provider> provider) {
    if (provider.isEmpty()) {
      return query.define("provider", "");
    }
    return query
        .define("provider", "and " + alias + ".provider = :provider")
        .bind("provider", provider.get().id());
  }

  private static void requireDays(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException(
          "'from' must not be after 'to' (was " + from + " and " + to + ")");
    }
  }

  private static DailyUsage dailyUsage(ResultSet rs, StatementContext ctx) throws SQLException {
    TokenCounts tokens =
        new TokenCounts(
            rs.getLong("uncached_input"),
            rs.getLong("cached_input"),
            rs.getLong("cache_write_5m"),
            rs.getLong("cache_write_1h"),
            rs.getLong("output_tokens"));
    long requests = rs.getLong("requests");
    Long reportedRequests = rs.wasNull() ? null : requests;
    return new DailyUsage(
        rs.getObject("day", LocalDate.class),
        Provider.fromId(rs.getString("provider")),
        rs.getString("model"),
        rs.getString("project"),
        rs.getString("api_key"),
        tokens,
        reportedRequests);
  }

  private static DailyCost dailyCost(ResultSet rs, StatementContext ctx) throws SQLException {
    return new DailyCost(
        rs.getObject("day", LocalDate.class),
        Provider.fromId(rs.getString("provider")),
        rs.getString("project"),
        rs.getString("model"),
        new Money(rs.getBigDecimal("amount"), rs.getString("currency")));
  }
}
