package dev.reckon.worker.bench;

import dev.reckon.adapter.postgres.JdbiOrganizationRepository;
import dev.reckon.adapter.postgres.JdbiProviderKeyRepository;
import dev.reckon.adapter.postgres.JdbiUsageRepository;
import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.tenant.Plan;
import dev.reckon.domain.usage.BucketWidth;
import dev.reckon.domain.usage.TokenCounts;
import dev.reckon.domain.usage.UsageBucket;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.out.WindowScope;
import dev.reckon.ports.testing.Fixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Stores the benchmark organization, linked to the development Clerk id {@code org_dev_<slug>} that
 * development tokens name, with one OpenAI key and hourly usage from {@link #START}.
 */
final class UsageSeeder {

  static final OrgSlug SLUG = new OrgSlug("bench");
  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  // Models of the built-in price table, so every row is priced as real usage would be.
  private static final List<String> PRICED_MODELS =
      List.of(
          "gpt-5",
          "gpt-5-mini",
          "gpt-5-nano",
          "gpt-4.1",
          "gpt-4.1-mini",
          "gpt-4.1-nano",
          "gpt-4o",
          "gpt-4o-mini",
          "o3",
          "o4-mini");

  private UsageSeeder() {}

  /** Stores the organization and its usage, and returns the last day (UTC) that has usage. */
  static LocalDate seed(TestDatabase database, BenchmarkOptions options) {
    Organization organization =
        new Organization(
            new OrgId(UUID.randomUUID()), SLUG, "Benchmark", Plan.PRO, ZoneId.of("UTC"));
    new JdbiOrganizationRepository(database.web())
        .insertForClerk(organization, "org_dev_" + SLUG.value());
    ProviderKeyRecord key = Fixtures.providerKey(organization.id(), Provider.OPENAI, START);
    new JdbiProviderKeyRepository(database.web()).insert(key);

    JdbiUsageRepository usage = new JdbiUsageRepository(database.worker());
    Instant end = START.plusSeconds(3600L * options.hours());
    for (TimeWindow month : months(end)) {
      usage.replaceUsage(
          new WindowScope(organization.id(), key.id(), key.provider(), month),
          buckets(month, options));
    }
    return end.minusSeconds(3600).atZone(ZoneOffset.UTC).toLocalDate();
  }

  static String model(int index) {
    return index < PRICED_MODELS.size() ? PRICED_MODELS.get(index) : "model-" + index;
  }

  private static List<UsageBucket> buckets(TimeWindow month, BenchmarkOptions options) {
    List<UsageBucket> buckets = new ArrayList<>();
    for (Instant hour = month.start(); hour.isBefore(month.end()); hour = hour.plusSeconds(3600)) {
      for (int k = 0; k < options.keys(); k++) {
        for (int m = 0; m < options.models(); m++) {
          long seed = hour.getEpochSecond() / 3600 * 31 + k * 7L + m;
          buckets.add(
              new UsageBucket(
                  Provider.OPENAI,
                  hour,
                  BucketWidth.HOUR,
                  model(m),
                  "proj_" + (k % 5),
                  "key_" + k,
                  "default",
                  new TokenCounts(seed % 9_000, seed % 700, 0, 0, seed % 3_000),
                  1 + seed % 40));
        }
      }
    }
    return buckets;
  }

  // Calendar months from the start, the last one cut at the end, as ingestion writes them.
  private static List<TimeWindow> months(Instant end) {
    List<TimeWindow> months = new ArrayList<>();
    ZonedDateTime monthStart = START.atZone(ZoneOffset.UTC);
    while (monthStart.toInstant().isBefore(end)) {
      Instant next = monthStart.plusMonths(1).toInstant();
      months.add(new TimeWindow(monthStart.toInstant(), next.isBefore(end) ? next : end));
      monthStart = monthStart.plusMonths(1);
    }
    return months;
  }
}
