package dev.reckon.ports.testing;

import static dev.reckon.ports.testing.CostBucketBuilder.cost;
import static dev.reckon.ports.testing.UsageBucketBuilder.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.reckon.domain.report.DailyCost;
import dev.reckon.domain.report.DailyUsage;
import dev.reckon.domain.shared.Money;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.usage.CostBucket;
import dev.reckon.domain.usage.EntityName;
import dev.reckon.domain.usage.TokenCounts;
import dev.reckon.domain.usage.UsageBucket;
import dev.reckon.ports.out.OrganizationRepository;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.out.ProviderKeyRepository;
import dev.reckon.ports.out.SpendReadModel;
import dev.reckon.ports.out.UsageRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link SpendReadModel} must have, fed through a {@link UsageRepository}. */
public abstract class SpendReadModelContract {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final LocalDate MARCH_1 = LocalDate.parse("2026-03-01");
  private static final Instant MARCH_1_START = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant MARCH_2_START = Instant.parse("2026-03-02T00:00:00Z");

  protected abstract OrganizationRepository organizations();

  protected abstract ProviderKeyRepository keys();

  /** Returns the repository that writes the data the read model reads. */
  protected abstract UsageRepository usageRepository();

  /** Returns the read model under test. Tests may call it several times. */
  protected abstract SpendReadModel spend();

  @Test
  void dailyUsageSumsHoursIntoLocalDays() {
    ProviderKeyRecord key = newKey(newOrg(), Provider.OPENAI);
    storeUsage(
        key,
        usage().at("2026-03-01T04:00:00Z").tokens(1, 10).requests(1L).build(),
        usage().at("2026-03-01T05:00:00Z").tokens(2, 20).requests(2L).build(),
        usage().at("2026-03-02T04:00:00Z").tokens(4, 40).requests(4L).build(),
        usage().at("2026-03-02T05:00:00Z").tokens(8, 80).requests(8L).build());

    var days = spend().dailyUsage(key.orgId(), MARCH_1, MARCH_1, NEW_YORK, Optional.empty());

    assertThat(days).containsExactly(daily(MARCH_1, Provider.OPENAI, tokens(6, 60), 6L));
  }

  @Test
  void dailyUsageIncludesFirstAndLastDay() {
    ProviderKeyRecord key = newKey(newOrg(), Provider.OPENAI);
    storeUsage(
        key,
        usage().at("2026-03-01T04:00:00Z").tokens(1, 10).requests(1L).build(),
        usage().at("2026-03-01T05:00:00Z").tokens(2, 20).requests(2L).build(),
        usage().at("2026-03-02T05:00:00Z").tokens(8, 80).requests(8L).build());

    var days =
        spend()
            .dailyUsage(
                key.orgId(), MARCH_1.minusDays(1), MARCH_1.plusDays(1), NEW_YORK, Optional.empty());

    assertThat(days)
        .containsExactlyInAnyOrder(
            daily(MARCH_1.minusDays(1), Provider.OPENAI, tokens(1, 10), 1L),
            daily(MARCH_1, Provider.OPENAI, tokens(2, 20), 2L),
            daily(MARCH_1.plusDays(1), Provider.OPENAI, tokens(8, 80), 8L));
  }

  @Test
  void dailyUsageAddsServiceTiersAndKeysTogether() {
    OrgId orgId = newOrg();
    ProviderKeyRecord first = newKey(orgId, Provider.OPENAI);
    ProviderKeyRecord second = newKey(orgId, Provider.OPENAI);
    storeUsage(
        first,
        usage().at("2026-03-01T12:00:00Z").serviceTier("default").tokens(1, 2, 3, 4, 5).build(),
        usage().at("2026-03-01T12:00:00Z").serviceTier("flex").tokens(10, 20, 30, 40, 50).build());
    storeUsage(second, usage().at("2026-03-01T13:00:00Z").tokens(100, 0, 0, 0, 500).build());

    var days = spend().dailyUsage(orgId, MARCH_1, MARCH_1, ZoneOffset.UTC, Optional.empty());

    assertThat(days)
        .containsExactly(
            daily(MARCH_1, Provider.OPENAI, new TokenCounts(111, 22, 33, 44, 555), 6L));
  }

  @Test
  void dailyUsageSumsReportedRequestsOnly() {
    ProviderKeyRecord key = newKey(newOrg(), Provider.ANTHROPIC);
    storeUsage(
        key,
        usage().provider(Provider.ANTHROPIC).at("2026-03-01T01:00:00Z").requests(3L).build(),
        usage().provider(Provider.ANTHROPIC).at("2026-03-01T02:00:00Z").requests(null).build(),
        usage()
            .provider(Provider.ANTHROPIC)
            .model("claude")
            .at("2026-03-01T02:00:00Z")
            .requests(null)
            .build());

    var days = spend().dailyUsage(key.orgId(), MARCH_1, MARCH_1, ZoneOffset.UTC, Optional.empty());

    assertThat(days)
        .extracting(DailyUsage::model, DailyUsage::requests)
        .containsExactlyInAnyOrder(tuple("gpt-4o", 3L), tuple("claude", null));
  }

  @Test
  void dailyUsageFiltersByProvider() {
    OrgId orgId = newOrg();
    storeUsage(newKey(orgId, Provider.OPENAI), usage().tokens(1, 1).build());
    storeUsage(
        newKey(orgId, Provider.ANTHROPIC),
        usage().provider(Provider.ANTHROPIC).tokens(2, 2).build());

    var anthropic =
        spend()
            .dailyUsage(orgId, MARCH_1, MARCH_1, ZoneOffset.UTC, Optional.of(Provider.ANTHROPIC));
    var all = spend().dailyUsage(orgId, MARCH_1, MARCH_1, ZoneOffset.UTC, Optional.empty());

    assertThat(anthropic).extracting(DailyUsage::provider).containsExactly(Provider.ANTHROPIC);
    assertThat(all)
        .extracting(DailyUsage::provider)
        .containsExactlyInAnyOrder(Provider.OPENAI, Provider.ANTHROPIC);
  }

  @Test
  void dailyUsageIgnoresDailyBuckets() {
    ProviderKeyRecord key = newKey(newOrg(), Provider.OPENAI);
    storeUsage(key, usage().daily().at("2026-03-01T00:00:00Z").build());

    var days = spend().dailyUsage(key.orgId(), MARCH_1, MARCH_1, ZoneOffset.UTC, Optional.empty());

    assertThat(days).isEmpty();
  }

  @Test
  void dailyUsageReadsFixedOffsetsEastOfUtc() {
    ProviderKeyRecord key = newKey(newOrg(), Provider.OPENAI);
    storeUsage(
        key,
        usage().at("2026-03-01T18:00:00Z").tokens(1, 1).requests(1L).build(),
        usage().at("2026-03-01T19:00:00Z").tokens(2, 2).requests(2L).build());

    var india =
        spend()
            .dailyUsage(
                key.orgId(), MARCH_1, MARCH_1, ZoneOffset.ofHoursMinutes(5, 30), Optional.empty());
    var brazil =
        spend().dailyUsage(key.orgId(), MARCH_1, MARCH_1, ZoneOffset.ofHours(-3), Optional.empty());

    assertThat(india).containsExactly(daily(MARCH_1, Provider.OPENAI, tokens(1, 1), 1L));
    assertThat(brazil).containsExactly(daily(MARCH_1, Provider.OPENAI, tokens(3, 3), 3L));
  }

  @Test
  void dailyUsageCountsShortDaylightSavingDay() {
    ProviderKeyRecord key = newKey(newOrg(), Provider.OPENAI);
    storeUsage(
        key,
        "2026-03-28T00:00:00Z",
        "2026-03-31T00:00:00Z",
        usage().at("2026-03-28T22:00:00Z").tokens(1, 1).requests(1L).build(),
        usage().at("2026-03-28T23:00:00Z").tokens(2, 2).requests(2L).build(),
        usage().at("2026-03-29T21:00:00Z").tokens(4, 4).requests(4L).build(),
        usage().at("2026-03-29T22:00:00Z").tokens(8, 8).requests(8L).build());
    LocalDate springForward = LocalDate.parse("2026-03-29");

    var days =
        spend()
            .dailyUsage(
                key.orgId(),
                springForward,
                springForward,
                ZoneId.of("Europe/Berlin"),
                Optional.empty());

    assertThat(days).containsExactly(daily(springForward, Provider.OPENAI, tokens(6, 6), 6L));
  }

  @Test
  void dailyUsageOfOtherOrganizationIsEmpty() {
    storeUsage(newKey(newOrg(), Provider.OPENAI), usage().build());

    var days = spend().dailyUsage(newOrg(), MARCH_1, MARCH_1, ZoneOffset.UTC, Optional.empty());

    assertThat(days).isEmpty();
  }

  @Test
  void dailyUsageRejectsFromAfterTo() {
    OrgId orgId = newOrg();

    assertThatThrownBy(
            () ->
                spend()
                    .dailyUsage(
                        orgId, MARCH_1.plusDays(1), MARCH_1, ZoneOffset.UTC, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'from' must not be after 'to' (was 2026-03-02 and 2026-03-01)");
  }

  @Test
  void dailyCostsSumsExactAmountsPerUtcDay() {
    OrgId orgId = newOrg();
    ProviderKeyRecord first = newKey(orgId, Provider.OPENAI);
    ProviderKeyRecord second = newKey(orgId, Provider.OPENAI);
    storeCosts(
        first,
        cost().at("2026-03-01T00:00:00Z").tokenType("input").usd("0.10").build(),
        cost().at("2026-03-01T00:00:00Z").tokenType("output").usd("0.0042").build(),
        cost().at("2026-03-02T00:00:00Z").usd("7").build());
    storeCosts(second, cost().at("2026-03-01T00:00:00Z").usd("1.005").build());

    var days = spend().dailyCosts(orgId, MARCH_1, MARCH_1.plusDays(1), Optional.empty());

    assertThat(days)
        .containsExactlyInAnyOrder(
            new DailyCost(MARCH_1, Provider.OPENAI, "proj_test", "gpt-4o", Money.usd("1.1092")),
            new DailyCost(
                MARCH_1.plusDays(1), Provider.OPENAI, "proj_test", "gpt-4o", Money.usd("7")));
  }

  @Test
  void dailyCostsFiltersByProviderAndDays() {
    OrgId orgId = newOrg();
    storeCosts(newKey(orgId, Provider.OPENAI), cost().usd("1.00").build());
    storeCosts(
        newKey(orgId, Provider.ANTHROPIC),
        cost().provider(Provider.ANTHROPIC).usd("2.00").build(),
        cost().provider(Provider.ANTHROPIC).at("2026-03-02T00:00:00Z").usd("4.00").build());

    var days = spend().dailyCosts(orgId, MARCH_1, MARCH_1, Optional.of(Provider.ANTHROPIC));

    assertThat(days)
        .containsExactly(
            new DailyCost(MARCH_1, Provider.ANTHROPIC, "proj_test", "gpt-4o", Money.usd("2.00")));
  }

  @Test
  void namesReturnsLatestNameOfEachId() {
    ProviderKeyRecord key = newKey(newOrg(), Provider.OPENAI);
    usageRepository()
        .saveNames(
            key.orgId(),
            key.id(),
            List.of(
                new EntityName(EntityName.Kind.PROJECT, "proj_1", "Alpha"),
                new EntityName(EntityName.Kind.API_KEY, "key_1", "Batch jobs")));

    usageRepository()
        .saveNames(
            key.orgId(),
            key.id(),
            List.of(new EntityName(EntityName.Kind.PROJECT, "proj_1", "Alpha renamed")));

    assertThat(spend().names(key.orgId()))
        .isEqualTo(Map.of("proj_1", "Alpha renamed", "key_1", "Batch jobs"));
  }

  @Test
  void namesOfOtherOrganizationIsEmpty() {
    ProviderKeyRecord key = newKey(newOrg(), Provider.OPENAI);
    usageRepository()
        .saveNames(
            key.orgId(),
            key.id(),
            List.of(new EntityName(EntityName.Kind.PROJECT, "proj_1", "Alpha")));

    var names = spend().names(newOrg());

    assertThat(names).isEmpty();
  }

  @Test
  void hourlyUsageExcludesWindowEnd() {
    ProviderKeyRecord key = newKey(newOrg(), Provider.OPENAI);
    storeUsage(
        key,
        usage().at("2026-03-01T09:00:00Z").tokens(1, 1).build(),
        usage().at("2026-03-01T10:00:00Z").tokens(2, 2).build(),
        usage().at("2026-03-01T11:00:00Z").tokens(4, 4).build(),
        usage().at("2026-03-01T12:00:00Z").tokens(8, 8).build());

    var hours =
        spend()
            .hourlyUsage(
                key.orgId(),
                Instant.parse("2026-03-01T10:00:00Z"),
                Instant.parse("2026-03-01T12:00:00Z"),
                Optional.empty());

    assertThat(hours)
        .containsExactly(
            usage().at("2026-03-01T10:00:00Z").tokens(2, 2).build(),
            usage().at("2026-03-01T11:00:00Z").tokens(4, 4).build());
  }

  @Test
  void hourlyUsageOrdersByStartThenDimensions() {
    ProviderKeyRecord key = newKey(newOrg(), Provider.OPENAI);
    storeUsage(
        key,
        usage().at("2026-03-01T11:00:00Z").model("a-model").build(),
        usage().at("2026-03-01T10:00:00Z").model("z-model").build(),
        usage().at("2026-03-01T10:00:00Z").model("a-model").apiKey("key_b").build(),
        usage().at("2026-03-01T10:00:00Z").model("a-model").apiKey("key_a").build());

    var hours = spend().hourlyUsage(key.orgId(), MARCH_1_START, MARCH_2_START, Optional.empty());

    assertThat(hours)
        .extracting(bucket -> bucket.start().toString(), UsageBucket::model, UsageBucket::apiKey)
        .containsExactly(
            tuple("2026-03-01T10:00:00Z", "a-model", "key_a"),
            tuple("2026-03-01T10:00:00Z", "a-model", "key_b"),
            tuple("2026-03-01T10:00:00Z", "z-model", "key_test"),
            tuple("2026-03-01T11:00:00Z", "a-model", "key_test"));
  }

  @Test
  void hourlyUsageAddsProviderKeysWithSameDimensions() {
    OrgId orgId = newOrg();
    storeUsage(newKey(orgId, Provider.OPENAI), usage().tokens(1, 10).requests(1L).build());
    storeUsage(newKey(orgId, Provider.OPENAI), usage().tokens(2, 20).requests(2L).build());

    var hours = spend().hourlyUsage(orgId, MARCH_1_START, MARCH_2_START, Optional.empty());

    assertThat(hours).containsExactly(usage().tokens(3, 30).requests(3L).build());
  }

  @Test
  void hourlyUsageFiltersByProvider() {
    OrgId orgId = newOrg();
    storeUsage(newKey(orgId, Provider.OPENAI), usage().tokens(1, 1).build());
    storeUsage(
        newKey(orgId, Provider.ANTHROPIC),
        usage().provider(Provider.ANTHROPIC).tokens(2, 2).requests(null).build());

    var anthropic =
        spend().hourlyUsage(orgId, MARCH_1_START, MARCH_2_START, Optional.of(Provider.ANTHROPIC));
    var all = spend().hourlyUsage(orgId, MARCH_1_START, MARCH_2_START, Optional.empty());

    assertThat(anthropic)
        .containsExactly(usage().provider(Provider.ANTHROPIC).tokens(2, 2).requests(null).build());
    assertThat(all)
        .extracting(UsageBucket::provider)
        .containsExactly(Provider.ANTHROPIC, Provider.OPENAI);
  }

  @Test
  void hourlyUsageIgnoresDailyBuckets() {
    ProviderKeyRecord key = newKey(newOrg(), Provider.OPENAI);
    storeUsage(key, usage().daily().at("2026-03-01T00:00:00Z").build());

    var hours = spend().hourlyUsage(key.orgId(), MARCH_1_START, MARCH_2_START, Optional.empty());

    assertThat(hours).isEmpty();
  }

  @Test
  void hourlyUsageOfOtherOrganizationIsEmpty() {
    storeUsage(newKey(newOrg(), Provider.OPENAI), usage().build());

    var hours = spend().hourlyUsage(newOrg(), MARCH_1_START, MARCH_2_START, Optional.empty());

    assertThat(hours).isEmpty();
  }

  @Test
  void hourlyUsageRejectsEmptyWindow() {
    OrgId orgId = newOrg();

    assertThatThrownBy(
            () -> spend().hourlyUsage(orgId, MARCH_1_START, MARCH_1_START, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'from' must be before 'to' (was 2026-03-01T00:00:00Z and 2026-03-01T00:00:00Z)");
  }

  private void storeUsage(ProviderKeyRecord key, UsageBucket... buckets) {
    storeUsage(key, "2026-02-28T00:00:00Z", "2026-03-03T00:00:00Z", buckets);
  }

  private void storeUsage(ProviderKeyRecord key, String start, String end, UsageBucket... buckets) {
    usageRepository().replaceUsage(Fixtures.scope(key, start, end), List.of(buckets));
  }

  private void storeCosts(ProviderKeyRecord key, CostBucket... buckets) {
    usageRepository()
        .replaceCosts(
            Fixtures.scope(key, "2026-02-28T00:00:00Z", "2026-03-03T00:00:00Z"), List.of(buckets));
  }

  private static DailyUsage daily(
      LocalDate day, Provider provider, TokenCounts tokens, Long requests) {
    return new DailyUsage(day, provider, "gpt-4o", "proj_test", "key_test", tokens, requests);
  }

  private static TokenCounts tokens(long uncachedInput, long output) {
    return new TokenCounts(uncachedInput, 0, 0, 0, output);
  }

  private OrgId newOrg() {
    Organization organization = Fixtures.organization();
    organizations().insert(organization);
    return organization.id();
  }

  private ProviderKeyRecord newKey(OrgId orgId, Provider provider) {
    ProviderKeyRecord key =
        Fixtures.providerKey(orgId, provider, Instant.parse("2026-02-01T00:00:00Z"));
    keys().insert(key);
    return key;
  }
}
