package dev.reckon.adapter.postgres;

import static dev.reckon.ports.testing.CostBucketBuilder.cost;
import static dev.reckon.ports.testing.UsageBucketBuilder.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.usage.CostBucket;
import dev.reckon.domain.usage.Dataset;
import dev.reckon.domain.usage.UsageBucket;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.testing.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replacing a window compared as full text dumps of the stored rows. Statements hold at most three
 * rows, so each batch here takes several statements in one transaction.
 */
class ReplaceIdempotenceIT {

  private static final String WEEK_START = "2026-03-01T00:00:00Z";
  private static final String WEEK_END = "2026-03-08T00:00:00Z";

  private static TestDatabase database;
  private static JdbiUsageRepository usage;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create();
    usage = new JdbiUsageRepository(database.worker(), 3);
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void replacingSameWindowTwiceLeavesIdenticalRows() {
    ProviderKeyRecord key = newKey();
    usage.replaceUsage(week(key), hourlyUsage(24));
    usage.replaceCosts(week(key), dailyCosts(7));
    Dump first = dump(key);

    usage.replaceUsage(week(key), hourlyUsage(24));
    usage.replaceCosts(week(key), dailyCosts(7));

    Dump second = dump(key);
    assertThat(second.usage()).isEqualTo(first.usage());
    assertThat(second.costs()).isEqualTo(first.costs());
    assertThat(second.rowVersions())
        .as("unchanged rows are not rewritten")
        .isEqualTo(first.rowVersions());
  }

  @Test
  void smallerBatchDeletesMissingRowsInsideWindowOnly() {
    ProviderKeyRecord key = newKey();
    var wide = Fixtures.scope(key, "2026-02-28T00:00:00Z", "2026-03-09T00:00:00Z");
    List<UsageBucket> all = new ArrayList<>(hourlyUsage(24));
    UsageBucket before = usage().at("2026-02-28T23:00:00Z").build();
    UsageBucket after = usage().at(WEEK_END).build();
    all.add(before);
    all.add(after);
    usage.replaceUsage(wide, all);

    usage.replaceUsage(week(key), hourlyUsage(10));

    List<UsageBucket> expected = new ArrayList<>(hourlyUsage(10));
    expected.add(before);
    expected.add(after);
    assertThat(new StoredBuckets(database.worker()).usage(key.orgId(), key.id()))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  // PostgreSQL rejects the NUL character in text, a value the domain types accept, so the last
  // statement of the batch fails after earlier statements already wrote rows.
  @Test
  void failingUsageReplaceWritesNothing() {
    ProviderKeyRecord key = newKey();
    usage.replaceUsage(week(key), hourlyUsage(5));
    Dump before = dump(key);
    Optional<Instant> watermark = usage.watermark(key.orgId(), key.id(), Dataset.USAGE);
    List<UsageBucket> failing = new ArrayList<>(hourlyUsage(12));
    failing.add(usage().at("2026-03-07T23:00:00Z").model("gpt\u0000").build());

    assertThatThrownBy(() -> usage.replaceUsage(week(key), failing))
        .isInstanceOf(UnableToAccessDatabaseException.class)
        .hasMessage(
            "failed to replace usage of provider key " + key.id() + " for org_id " + key.orgId());

    assertThat(dump(key)).isEqualTo(before);
    assertThat(usage.watermark(key.orgId(), key.id(), Dataset.USAGE)).isEqualTo(watermark);
  }

  @Test
  void failingCostReplaceWritesNothing() {
    ProviderKeyRecord key = newKey();
    usage.replaceCosts(week(key), dailyCosts(2));
    Dump before = dump(key);
    List<CostBucket> failing = new ArrayList<>(dailyCosts(6));
    failing.add(cost().at("2026-03-07T00:00:00Z").project("proj\u0000").build());

    assertThatThrownBy(() -> usage.replaceCosts(week(key), failing))
        .isInstanceOf(UnableToAccessDatabaseException.class);

    assertThat(dump(key)).isEqualTo(before);
    assertThat(usage.watermark(key.orgId(), key.id(), Dataset.COST))
        .contains(Instant.parse(WEEK_END));
  }

  private static List<UsageBucket> hourlyUsage(int hours) {
    List<UsageBucket> buckets = new ArrayList<>();
    Instant start = Instant.parse(WEEK_START);
    for (int hour = 0; hour < hours; hour++) {
      for (String model : List.of("gpt-4o", "gpt-4o-mini")) {
        buckets.add(
            usage()
                .at(start.plusSeconds(3600L * hour))
                .model(model)
                .tokens(1000 + hour, hour, 0, 0, 10 * hour)
                .requests(hour % 3 == 0 ? null : (long) hour)
                .build());
      }
    }
    return buckets;
  }

  private static List<CostBucket> dailyCosts(int days) {
    List<CostBucket> buckets = new ArrayList<>();
    for (int day = 0; day < days; day++) {
      String start = Instant.parse(WEEK_START).plusSeconds(86_400L * day).toString();
      buckets.add(cost().at(start).usd("1.2345").build());
      buckets.add(cost().at(start).tokenType("output").usd(day + ".50").build());
    }
    return buckets;
  }

  private Dump dump(ProviderKeyRecord key) {
    return new TenantTransactions(database.worker())
        .inOrg(
            key.orgId(),
            "dump rows",
            h ->
                new Dump(
                    h.createQuery(
                            "select coalesce(string_agg(u::text, E'\\n' order by u::text), '')"
                                + " from reckon.usage_buckets u")
                        .mapTo(String.class)
                        .one(),
                    h.createQuery(
                            "select coalesce(string_agg(c::text, E'\\n' order by c::text), '')"
                                + " from reckon.cost_buckets c")
                        .mapTo(String.class)
                        .one(),
                    h.createQuery(
                            "select coalesce(string_agg(xmin::text, ',' order by u::text), '')"
                                + " from reckon.usage_buckets u")
                        .mapTo(String.class)
                        .one()));
  }

  private static ProviderKeyRecord newKey() {
    var organization = Fixtures.organization();
    new JdbiOrganizationRepository(database.web()).insert(organization);
    ProviderKeyRecord key =
        Fixtures.providerKey(organization.id(), Provider.OPENAI, Instant.parse(WEEK_START));
    new JdbiProviderKeyRepository(database.web()).insert(key);
    return key;
  }

  private static dev.reckon.ports.out.WindowScope week(ProviderKeyRecord key) {
    return Fixtures.scope(key, WEEK_START, WEEK_END);
  }

  private record Dump(String usage, String costs, String rowVersions) {}
}
