package dev.reckon.ports.testing;

import dev.reckon.domain.report.DailyCost;
import dev.reckon.domain.report.DailyUsage;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.domain.usage.CostBucket;
import dev.reckon.domain.usage.Dataset;
import dev.reckon.domain.usage.EntityName;
import dev.reckon.domain.usage.UsageBucket;
import dev.reckon.ports.out.KeyRef;
import dev.reckon.ports.out.SpendReadModel;
import dev.reckon.ports.out.UsageRepository;
import dev.reckon.ports.out.WindowScope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link UsageRepository} and {@link SpendReadModel} in memory, for tests. Thread-safe.
 *
 * <p>Unlike the database it does not check that a watermark's provider key exists.
 */
public final class InMemoryUsageRepository implements UsageRepository, SpendReadModel {

  private final Map<KeyRef, Map<UsageBucket.Key, UsageBucket>> usage = new HashMap<>();
  private final Map<KeyRef, Map<CostBucket.Key, CostBucket>> costs = new HashMap<>();
  private final Map<List<Object>, Instant> watermarks = new HashMap<>();
  private final Map<KeyRef, Map<List<String>, String>> names = new HashMap<>();

  @Override
  public synchronized void replaceUsage(WindowScope scope, List<UsageBucket> buckets) {
    requireValid(scope, buckets, UsageBucket::start, UsageBucket::provider, UsageBucket::key);
    Map<UsageBucket.Key, UsageBucket> stored =
        usage.computeIfAbsent(ref(scope), k -> new HashMap<>());
    stored.values().removeIf(bucket -> scope.window().contains(bucket.start()));
    buckets.forEach(bucket -> stored.put(bucket.key(), bucket));
    watermarks.put(List.of(ref(scope), Dataset.USAGE), scope.window().end());
  }

  @Override
  public synchronized void replaceCosts(WindowScope scope, List<CostBucket> buckets) {
    requireValid(scope, buckets, CostBucket::start, CostBucket::provider, CostBucket::key);
    Map<CostBucket.Key, CostBucket> stored =
        costs.computeIfAbsent(ref(scope), k -> new HashMap<>());
    stored.values().removeIf(bucket -> scope.window().contains(bucket.start()));
    buckets.forEach(bucket -> stored.put(bucket.key(), bucket));
    watermarks.put(List.of(ref(scope), Dataset.COST), scope.window().end());
  }

  @Override
  public synchronized Optional<Instant> watermark(
      OrgId orgId, ProviderKeyId keyId, Dataset dataset) {
    Objects.requireNonNull(dataset, "dataset");
    return Optional.ofNullable(watermarks.get(List.of(new KeyRef(orgId, keyId), dataset)));
  }

  @Override
  public synchronized void saveNames(OrgId orgId, ProviderKeyId keyId, List<EntityName> list) {
    Objects.requireNonNull(list, "names");
    Map<List<String>, String> stored =
        names.computeIfAbsent(new KeyRef(orgId, keyId), k -> new HashMap<>());
    for (EntityName name : list) {
      stored.put(List.of(kind(name.kind()), name.externalId()), name.name());
    }
  }

  /** Returns the stored usage buckets of one key, for contract tests. */
  public synchronized List<UsageBucket> storedUsage(OrgId orgId, ProviderKeyId keyId) {
    return List.copyOf(usage.getOrDefault(new KeyRef(orgId, keyId), Map.of()).values());
  }

  /** Returns the stored cost buckets of one key, for contract tests. */
  public synchronized List<CostBucket> storedCosts(OrgId orgId, ProviderKeyId keyId) {
    return List.copyOf(costs.getOrDefault(new KeyRef(orgId, keyId), Map.of()).values());
  }

  @Override
  public synchronized List<DailyUsage> dailyUsage(
      OrgId orgId, LocalDate from, LocalDate to, ZoneId zone, Optional<Provider> provider) {
    requireDays(from, to);
    Objects.requireNonNull(zone, "zone");
    List<UsageBucket> hourly = new ArrayList<>();
    usage.forEach(
        (ref, buckets) -> {
          if (ref.orgId().equals(orgId)) {
            hourly.addAll(buckets.values());
          }
        });
    return DailySums.usage(hourly, from, to, zone, provider);
  }

  @Override
  public synchronized List<DailyCost> dailyCosts(
      OrgId orgId, LocalDate from, LocalDate to, Optional<Provider> provider) {
    requireDays(from, to);
    List<CostBucket> all = new ArrayList<>();
    costs.forEach(
        (ref, buckets) -> {
          if (ref.orgId().equals(orgId)) {
            all.addAll(buckets.values());
          }
        });
    return DailySums.costs(all, from, to, provider);
  }

  @Override
  public synchronized List<UsageBucket> hourlyUsage(
      OrgId orgId, Instant from, Instant to, Optional<Provider> provider) {
    Objects.requireNonNull(orgId, "orgId");
    requireInstants(from, to);
    Objects.requireNonNull(provider, "provider");
    List<UsageBucket> hourly = new ArrayList<>();
    usage.forEach(
        (ref, buckets) -> {
          if (ref.orgId().equals(orgId)) {
            hourly.addAll(buckets.values());
          }
        });
    return DailySums.hours(hourly, from, to, provider);
  }

  /** Returns names like the database does: an {@code api_key} name loses to a project name. */
  @Override
  public synchronized Map<String, String> names(OrgId orgId) {
    Objects.requireNonNull(orgId, "orgId");
    List<List<String>> rows = new ArrayList<>();
    names.forEach(
        (ref, stored) -> {
          if (ref.orgId().equals(orgId)) {
            stored.forEach(
                (key, name) ->
                    rows.add(
                        List.of(key.get(0), ref.keyId().value().toString(), key.get(1), name)));
          }
        });
    rows.sort(
        (a, b) -> {
          for (int i = 0; i < 3; i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
              return order;
            }
          }
          return 0;
        });
    Map<String, String> result = new LinkedHashMap<>();
    rows.forEach(row -> result.put(row.get(2), row.get(3)));
    return result;
  }

  private static <B> void requireValid(
      WindowScope scope,
      List<B> buckets,
      Function<B, Instant> start,
      Function<B, Provider> provider,
      Function<B, Object> key) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(buckets, "buckets");
    Set<Object> keys = new HashSet<>();
    for (B bucket : buckets) {
      Objects.requireNonNull(bucket, "bucket");
      if (provider.apply(bucket) != scope.provider()) {
        throw new IllegalArgumentException(
            "'buckets' must all be of provider "
                + scope.provider().id()
                + " (was "
                + provider.apply(bucket).id()
                + ")");
      }
      if (!scope.window().contains(start.apply(bucket))) {
        throw new IllegalArgumentException(
            "'buckets' must start inside the window "
                + scope.window()
                + " (was a bucket starting at "
                + start.apply(bucket)
                + ")");
      }
      if (!keys.add(key.apply(bucket))) {
        throw new IllegalArgumentException(
            "'buckets' must be unique by key (was " + key.apply(bucket) + " twice)");
      }
    }
  }

  static void requireDays(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException(
          "'from' must not be after 'to' (was " + from + " and " + to + ")");
    }
  }

  private static void requireInstants(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "'from' must be before 'to' (was " + from + " and " + to + ")");
    }
  }

  private static KeyRef ref(WindowScope scope) {
    return new KeyRef(scope.orgId(), scope.keyId());
  }

  private static String kind(EntityName.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
