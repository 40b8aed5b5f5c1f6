package dev.reckon.ports.in;

import dev.reckon.domain.report.GroupBy;
import dev.reckon.domain.shared.Money;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Spend over time for charts: one point per time bucket and group. */
public interface SpendTimeseriesUseCase {

  /**
   * @throws NoSuchOrganizationException when the organization does not exist
   */
  List<Point> timeseries(Query query);

  /** Width of a chart bucket; days are in the organization's time zone. */
  enum Bucket {
    HOUR,
    DAY
  }

  /**
   * Days {@code from} to {@code to} inclusive in the organization's time zone; {@code groupBy} must
   * not be {@link GroupBy#DAY}. Daily queries cover at most {@link SpendQuery#MAX_DAYS} days,
   * hourly ones at most {@link #MAX_HOURLY_DAYS}.
   */
  record Query(
      OrgId orgId,
      LocalDate from,
      LocalDate to,
      Bucket bucket,
      Optional<GroupBy> groupBy,
      Optional<Provider> provider) {

    /** Maximum number of days an hourly query covers, so at most 744 points per group. */
    public static final int MAX_HOURLY_DAYS = 31;

    public Query {
      Objects.requireNonNull(orgId, "orgId");
      Objects.requireNonNull(bucket, "bucket");
      Objects.requireNonNull(groupBy, "groupBy");
      Objects.requireNonNull(provider, "provider");
      new SpendQuery(orgId, from, to, GroupBy.PROVIDER, provider);
      if (groupBy.filter(GroupBy.DAY::equals).isPresent()) {
        throw new IllegalArgumentException(
            "'group_by' must not be day in a timeseries: the bucket is the time axis");
      }
      long days = ChronoUnit.DAYS.between(from, to) + 1;
      if (bucket == Bucket.HOUR && days > MAX_HOURLY_DAYS) {
        throw new IllegalArgumentException(
            "the range "
                + from
                + " to "
                + to
                + " spans "
                + days
                + " days: an hourly timeseries covers at most "
                + MAX_HOURLY_DAYS
                + " days, so use daily buckets or split it");
      }
    }
  }

  /**
   * One bucket of one group. {@code group} is null when the query has no group-by. {@code billed}
   * is null for hourly buckets (providers bill by day) and where no cost data applies; {@code
   * estimated} is null when nothing in the point could be priced.
   */
  record Point(
      Instant start,
      String group,
      Money billed,
      Money estimated,
      long inputTokens,
      long outputTokens,
      Long requests) {}
}
