package dev.reckon.ports.service;

import static dev.reckon.ports.testing.CostBucketBuilder.cost;
import static dev.reckon.ports.testing.UsageBucketBuilder.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.reckon.domain.pricing.PriceTable;
import dev.reckon.domain.report.GroupBy;
import dev.reckon.domain.shared.Money;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.NoSuchOrganizationException;
import dev.reckon.ports.in.SpendTimeseriesUseCase.Bucket;
import dev.reckon.ports.in.SpendTimeseriesUseCase.Point;
import dev.reckon.ports.in.SpendTimeseriesUseCase.Query;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.testing.CostBucketBuilder;
import dev.reckon.ports.testing.Fixtures;
import dev.reckon.ports.testing.InMemoryOrganizationRepository;
import dev.reckon.ports.testing.InMemoryUsageRepository;
import dev.reckon.ports.testing.UsageBucketBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SpendTimeseriesServiceTest {

  private static final LocalDate MARCH_1 = LocalDate.parse("2026-03-01");
  private static final LocalDate MARCH_2 = LocalDate.parse("2026-03-02");

  private final InMemoryOrganizationRepository organizations = new InMemoryOrganizationRepository();
  private final InMemoryUsageRepository usage = new InMemoryUsageRepository();
  private final SpendTimeseriesService service =
      new SpendTimeseriesService(organizations, usage, prices());

  @Test
  void dailyPointStartsAtLocalMidnight() {
    ProviderKeyRecord key = newKey(ZoneId.of("America/New_York"));
    storeUsage(key, usage().at("2026-03-01T15:00:00Z").tokens(1_000_000, 100_000).requests(4L));
    storeCosts(key, cost().at("2026-03-01T00:00:00Z").usd("3.10"));

    var points = service.timeseries(query(key, MARCH_1, MARCH_1, Bucket.DAY, Optional.empty()));

    assertThat(points).hasSize(1);
    Point point = points.get(0);
    assertThat(point.start()).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
    assertThat(point.group()).isNull();
    assertThat(point.billed()).isEqualTo(Money.usd("3.10"));
    assertThat(point.estimated().amount()).isEqualByComparingTo("3.5");
    assertThat(point.inputTokens()).isEqualTo(1_000_000);
    assertThat(point.outputTokens()).isEqualTo(100_000);
    assertThat(point.requests()).isEqualTo(4L);
  }

  @Test
  void dailyPointsOrderedByStartThenGroup() {
    ProviderKeyRecord key = newKey(ZoneId.of("UTC"));
    storeUsage(
        key,
        usage().at("2026-03-02T10:00:00Z").model("gpt-4o"),
        usage().at("2026-03-02T10:00:00Z").model("gpt-4o-mini"),
        usage().at("2026-03-01T10:00:00Z").model("gpt-4o-mini"),
        usage().at("2026-03-01T11:00:00Z").model("gpt-4o"));

    var points =
        service.timeseries(query(key, MARCH_1, MARCH_2, Bucket.DAY, Optional.of(GroupBy.MODEL)));

    assertThat(points)
        .extracting(point -> point.start().toString(), Point::group)
        .containsExactly(
            tuple("2026-03-01T00:00:00Z", "gpt-4o"),
            tuple("2026-03-01T00:00:00Z", "gpt-4o-mini"),
            tuple("2026-03-02T00:00:00Z", "gpt-4o"),
            tuple("2026-03-02T00:00:00Z", "gpt-4o-mini"));
  }

  @Test
  void dailyApiKeyGroupsPutBilledUnderNone() {
    ProviderKeyRecord key = newKey(ZoneId.of("UTC"));
    storeUsage(key, usage().apiKey("key_a"));
    storeCosts(key, cost().usd("2.00"));

    var points =
        service.timeseries(query(key, MARCH_1, MARCH_1, Bucket.DAY, Optional.of(GroupBy.API_KEY)));

    assertThat(points)
        .extracting(Point::group, Point::billed)
        .containsExactly(tuple("key_a", null), tuple("none", Money.usd("2.00")));
  }

  @Test
  void unpricedModelHasNoEstimate() {
    ProviderKeyRecord key = newKey(ZoneId.of("UTC"));
    storeUsage(key, usage().model("unlisted-model"));

    var points = service.timeseries(query(key, MARCH_1, MARCH_1, Bucket.DAY, Optional.empty()));

    assertThat(points).extracting(Point::estimated).containsExactly((Money) null);
  }

  @Test
  void hourlyPointsHaveEstimatesButNoBilled() {
    ProviderKeyRecord key = newKey(ZoneId.of("UTC"));
    storeUsage(
        key,
        usage().at("2026-03-01T10:00:00Z").tokens(1_000_000, 0).requests(1L),
        usage().at("2026-03-01T11:00:00Z").tokens(0, 1_000_000).requests(2L));
    storeCosts(key, cost().usd("9.00"));

    var points = service.timeseries(query(key, MARCH_1, MARCH_1, Bucket.HOUR, Optional.empty()));

    assertThat(points)
        .extracting(point -> point.start().toString(), Point::billed, Point::requests)
        .containsExactly(
            tuple("2026-03-01T10:00:00Z", null, 1L), tuple("2026-03-01T11:00:00Z", null, 2L));
    assertThat(points.get(0).estimated().amount()).isEqualByComparingTo("2.5");
    assertThat(points.get(1).estimated().amount()).isEqualByComparingTo("10");
  }

  @Test
  void hourlyRangeFollowsOrganizationZone() {
    ProviderKeyRecord key = newKey(ZoneId.of("Asia/Tokyo"));
    storeUsage(
        key,
        usage().at("2026-02-28T14:00:00Z"),
        usage().at("2026-02-28T15:00:00Z"),
        usage().at("2026-03-01T14:00:00Z"),
        usage().at("2026-03-01T15:00:00Z"));

    var points = service.timeseries(query(key, MARCH_1, MARCH_1, Bucket.HOUR, Optional.empty()));

    assertThat(points)
        .extracting(point -> point.start().toString())
        .containsExactly("2026-02-28T15:00:00Z", "2026-03-01T14:00:00Z");
  }

  @Test
  void hourlyPointsGroupByProvider() {
    ProviderKeyRecord openai = newKey(ZoneId.of("UTC"));
    storeUsage(openai, usage().tokens(1, 1).requests(1L));
    ProviderKeyRecord anthropic =
        Fixtures.providerKey(openai.orgId(), Provider.ANTHROPIC, Instant.EPOCH);
    usage.replaceUsage(
        Fixtures.scope(anthropic, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z"),
        List.of(usage().provider(Provider.ANTHROPIC).tokens(2, 2).requests(null).build()));

    var points =
        service.timeseries(
            query(openai, MARCH_1, MARCH_1, Bucket.HOUR, Optional.of(GroupBy.PROVIDER)));

    assertThat(points)
        .extracting(Point::group, Point::inputTokens, Point::requests)
        .containsExactly(tuple("anthropic", 2L, null), tuple("openai", 1L, 1L));
  }

  @Test
  void unknownOrganizationThrowsNotFound() {
    OrgId unknown = new OrgId(UUID.fromString("00000000-0000-4000-8000-0000000000cc"));
    Query query =
        new Query(unknown, MARCH_1, MARCH_1, Bucket.DAY, Optional.empty(), Optional.empty());

    assertThatThrownBy(() -> service.timeseries(query))
        .isInstanceOf(NoSuchOrganizationException.class)
        .hasMessage("organization 00000000-0000-4000-8000-0000000000cc not found");
  }

  @Test
  void queryRejectsHourlyRangeOver31Days() {
    OrgId orgId = new OrgId(UUID.randomUUID());

    assertThatThrownBy(
            () ->
                new Query(
                    orgId,
                    MARCH_1,
                    MARCH_1.plusDays(31),
                    Bucket.HOUR,
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the range 2026-03-01 to 2026-04-01 spans 32 days: an hourly timeseries covers at"
                + " most 31 days, so use daily buckets or split it");
  }

  private ProviderKeyRecord newKey(ZoneId zone) {
    Organization organization = Fixtures.organization(zone);
    organizations.insert(organization);
    return Fixtures.providerKey(organization.id(), Provider.OPENAI, Instant.EPOCH);
  }

  private void storeUsage(ProviderKeyRecord key, UsageBucketBuilder... buckets) {
    usage.replaceUsage(
        Fixtures.scope(key, "2026-02-28T00:00:00Z", "2026-03-03T00:00:00Z"),
        Arrays.stream(buckets).map(builder -> builder.build()).toList());
  }

  private void storeCosts(ProviderKeyRecord key, CostBucketBuilder... buckets) {
    usage.replaceCosts(
        Fixtures.scope(key, "2026-02-28T00:00:00Z", "2026-03-03T00:00:00Z"),
        Arrays.stream(buckets).map(builder -> builder.build()).toList());
  }

  private static Query query(
      ProviderKeyRecord key,
      LocalDate from,
      LocalDate to,
      Bucket bucket,
      Optional<GroupBy> groupBy) {
    return new Query(key.orgId(), from, to, bucket, groupBy, Optional.empty());
  }

  private static PriceTable prices() {
    String csv =
        "provider,model,input,cached_input,cache_write_5m,cache_write_1h,output\n"
            + "openai,gpt-4o,2.50,1.25,0,0,10.00\n"
            + "openai,gpt-4o-mini,0.15,0.075,0,0,0.60\n";
    try {
      return PriceTable.parse(
          "2026-11-01", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
