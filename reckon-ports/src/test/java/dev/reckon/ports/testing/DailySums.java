package dev.reckon.ports.testing;

import dev.reckon.domain.report.DailyCost;
import dev.reckon.domain.report.DailyUsage;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.usage.BucketWidth;
import dev.reckon.domain.usage.CostBucket;
import dev.reckon.domain.usage.UsageBucket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sums buckets into days or hours the way the PostgreSQL read model does, for the in-memory fake.
 */
final class DailySums {

  private DailySums() {}

  static List<DailyUsage> usage(
      List<UsageBucket> buckets,
      LocalDate from,
      LocalDate to,
      ZoneId zone,
      Optional<Provider> provider) {
    Map<List<Object>, DailyUsage> days = new LinkedHashMap<>();
    for (UsageBucket bucket : buckets) {
      LocalDate day = LocalDate.ofInstant(bucket.start(), zone);
      if (bucket.width() != BucketWidth.HOUR
          || day.isBefore(from)
          || day.isAfter(to)
          || provider.filter(p -> p != bucket.provider()).isPresent()) {
        continue;
      }
      DailyUsage row =
          new DailyUsage(
              day,
              bucket.provider(),
              bucket.model(),
              bucket.project(),
              bucket.apiKey(),
              bucket.tokens(),
              bucket.requests());
      days.merge(
          List.of(day, bucket.provider(), bucket.model(), bucket.project(), bucket.apiKey()),
          row,
          DailySums::plus);
    }
    return days.values().stream()
        .sorted(
            Comparator.comparing(DailyUsage::day)
                .thenComparing(row -> row.provider().id())
                .thenComparing(DailyUsage::model)
                .thenComparing(DailyUsage::project)
                .thenComparing(DailyUsage::apiKey))
        .toList();
  }

  /** Adds up hourly buckets of several provider keys that share start and dimensions. */
  static List<UsageBucket> hours(
      List<UsageBucket> buckets, Instant from, Instant to, Optional<Provider> provider) {
    Map<List<Object>, UsageBucket> hours = new LinkedHashMap<>();
    for (UsageBucket bucket : buckets) {
      if (bucket.width() != BucketWidth.HOUR
          || bucket.start().isBefore(from)
          || !bucket.start().isBefore(to)
          || provider.filter(p -> p != bucket.provider()).isPresent()) {
        continue;
      }
      hours.merge(List.of(bucket.provider(), bucket.key()), bucket, UsageBucket::plus);
    }
    return hours.values().stream()
        .sorted(
            Comparator.comparing(UsageBucket::start)
                .thenComparing(bucket -> bucket.provider().id())
                .thenComparing(UsageBucket::model)
                .thenComparing(UsageBucket::project)
                .thenComparing(UsageBucket::apiKey)
                .thenComparing(UsageBucket::serviceTier))
        .toList();
  }

  static List<DailyCost> costs(
      List<CostBucket> buckets, LocalDate from, LocalDate to, Optional<Provider> provider) {
    Map<List<Object>, DailyCost> days = new LinkedHashMap<>();
    for (CostBucket bucket : buckets) {
      LocalDate day = LocalDate.ofInstant(bucket.start(), ZoneOffset.UTC);
      if (day.isBefore(from)
          || day.isAfter(to)
          || provider.filter(p -> p != bucket.provider()).isPresent()) {
        continue;
      }
      DailyCost row =
          new DailyCost(day, bucket.provider(), bucket.project(), bucket.model(), bucket.amount());
      days.merge(
          List.of(
              day, bucket.provider(), bucket.project(), bucket.model(), bucket.amount().currency()),
          row,
          (a, b) ->
              new DailyCost(
                  day, a.provider(), a.project(), a.model(), a.amount().plus(b.amount())));
    }
    return days.values().stream()
        .sorted(
            Comparator.comparing(DailyCost::day)
                .thenComparing(row -> row.provider().id())
                .thenComparing(DailyCost::project)
                .thenComparing(DailyCost::model)
                .thenComparing(row -> row.amount().currency()))
        .toList();
  }

  // Like SQL sum(): null only when every value is null.
  private static DailyUsage plus(DailyUsage a, DailyUsage b) {
    Long requests =
        a.requests() == null
            ? b.requests()
            : b.requests() == null ? a.requests() : Math.addExact(a.requests(), b.requests());
    return new DailyUsage(
        a.day(),
        a.provider(),
        a.model(),
        a.project(),
        a.apiKey(),
        a.tokens().plus(b.tokens()),
        requests);
  }
}
