package dev.reckon.ports.service;

import dev.reckon.domain.pricing.ModelPrice;
import dev.reckon.domain.pricing.PriceTable;
import dev.reckon.domain.report.DailyCost;
import dev.reckon.domain.report.DailyUsage;
import dev.reckon.domain.report.GroupBy;
import dev.reckon.domain.shared.Money;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.usage.Attribution;
import dev.reckon.domain.usage.TokenCounts;
import dev.reckon.domain.usage.UsageBucket;
import dev.reckon.ports.in.NoSuchOrganizationException;
import dev.reckon.ports.in.SpendTimeseriesUseCase;
import dev.reckon.ports.out.OrganizationRepository;
import dev.reckon.ports.out.SpendReadModel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds spend charts: daily points from the daily read model with billed cost, hourly points from
 * hourly usage with estimates only. Buckets without data get no point.
 */
public final class SpendTimeseriesService implements SpendTimeseriesUseCase {

  private final OrganizationRepository organizations;
  private final SpendReadModel spend;
  private final PriceTable prices;

  public SpendTimeseriesService(
      OrganizationRepository organizations, SpendReadModel spend, PriceTable prices) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.spend = Objects.requireNonNull(spend, "spend");
    this.prices = Objects.requireNonNull(prices, "prices");
  }

  @Override
  public List<Point> timeseries(Query query) {
    Objects.requireNonNull(query, "query");
    Organization organization =
        organizations
            .find(query.orgId())
            .orElseThrow(
                () ->
                    new NoSuchOrganizationException(
                        "organization " + query.orgId() + " not found"));

    return switch (query.bucket()) {
      case DAY -> daily(query, organization.timeZone());
      case HOUR -> hourly(query, organization.timeZone());
    };
  }

  // Providers bill by UTC day, so a cost's day is a UTC date. It is drawn at the local midnight of
  // the same date, as the daily spend report does.
  private List<Point> daily(Query query, ZoneId zone) {
    TimeseriesPoints points = new TimeseriesPoints();
    for (DailyUsage usage :
        spend.dailyUsage(query.orgId(), query.from(), query.to(), zone, query.provider())) {
      Instant start = usage.day().atStartOfDay(zone).toInstant();
      String group = group(query, usage.provider(), usage.model(), usage.project(), usage.apiKey());
      points.addUsage(
          start,
          group,
          usage.tokens(),
          usage.requests(),
          estimate(usage.provider(), usage.model(), usage.tokens()));
    }

    for (DailyCost cost :
        spend.dailyCosts(query.orgId(), query.from(), query.to(), query.provider())) {
      Instant start = cost.day().atStartOfDay(zone).toInstant();
      // No provider cost endpoint splits billed cost by API key.
      String group = group(query, cost.provider(), cost.model(), cost.project(), Attribution.NONE);
      points.addBilled(start, group, cost.amount());
    }
    return points.points();
  }

  // NOTE: provider hours are UTC hours. In a zone whose offset is not a whole number of hours
  // (India, +05:30) the hour straddling the first local midnight is left out and the hour
  // straddling the last one is included.
  private List<Point> hourly(Query query, ZoneId zone) {
    Instant from = query.from().atStartOfDay(zone).toInstant();
    Instant to = query.to().plusDays(1).atStartOfDay(zone).toInstant();
    TimeseriesPoints points = new TimeseriesPoints();
    for (UsageBucket bucket : spend.hourlyUsage(query.orgId(), from, to, query.provider())) {
      String group =
          group(query, bucket.provider(), bucket.model(), bucket.project(), bucket.apiKey());
      points.addUsage(
          bucket.start(),
          group,
          bucket.tokens(),
          bucket.requests(),
          estimate(bucket.provider(), bucket.model(), bucket.tokens()));
    }
    return points.points();
  }

  private Optional<Money> estimate(Provider provider, String model, TokenCounts tokens) {
    return prices.find(provider, model).map((ModelPrice price) -> price.cost(tokens));
  }

  private static String group(
      Query query, Provider provider, String model, String project, String apiKey) {
    if (query.groupBy().isEmpty()) {
      return null;
    }
    GroupBy groupBy = query.groupBy().get();
    return switch (groupBy) {
      case MODEL -> model;
      case PROVIDER -> provider.id();
      case PROJECT -> project;
      case API_KEY -> apiKey;
      case DAY -> throw new IllegalArgumentException("'group_by' must not be day in a timeseries");
    };
  }
}
