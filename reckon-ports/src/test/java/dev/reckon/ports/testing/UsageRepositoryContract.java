package dev.reckon.ports.testing;

import static dev.reckon.ports.testing.CostBucketBuilder.cost;
import static dev.reckon.ports.testing.UsageBucketBuilder.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.usage.CostBucket;
import dev.reckon.domain.usage.Dataset;
import dev.reckon.domain.usage.UsageBucket;
import dev.reckon.ports.out.OrganizationRepository;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.out.ProviderKeyRepository;
import dev.reckon.ports.out.UsageRepository;
import dev.reckon.ports.out.WindowScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link UsageRepository} must have. */
public abstract class UsageRepositoryContract {

  private static final String DAY_START = "2026-03-01T00:00:00Z";
  private static final String DAY_END = "2026-03-02T00:00:00Z";

  /** Returns where organizations are stored, because usage needs an existing organization. */
  protected abstract OrganizationRepository organizations();

  /** Returns where provider keys are stored, because watermarks need an existing key. */
  protected abstract ProviderKeyRepository keys();

  /** Returns the repository under test. Tests may call it several times. */
  protected abstract UsageRepository usageRepository();

  /** Returns every usage bucket stored for the key, in any order. */
  protected abstract List<UsageBucket> storedUsage(OrgId orgId, ProviderKeyId keyId);

  /** Returns every cost bucket stored for the key, in any order. */
  protected abstract List<CostBucket> storedCosts(OrgId orgId, ProviderKeyId keyId);

  @Test
  void replaceUsageStoresBuckets() {
    ProviderKeyRecord key = newKey(Provider.OPENAI);
    List<UsageBucket> buckets =
        List.of(
            usage().at("2026-03-01T00:00:00Z").tokens(1, 2, 3, 4, 5).requests(6L).build(),
            usage().at("2026-03-01T23:00:00Z").model("none").requests(null).build(),
            usage().at("2026-03-01T23:00:00Z").serviceTier("priority").build());

    usageRepository().replaceUsage(day(key), buckets);

    assertThat(storedUsage(key.orgId(), key.id())).containsExactlyInAnyOrderElementsOf(buckets);
  }

  @Test
  void replaceUsageSetsUsageWatermarkToWindowEnd() {
    ProviderKeyRecord key = newKey(Provider.OPENAI);

    usageRepository().replaceUsage(day(key), List.of(usage().at("2026-03-01T05:00:00Z").build()));

    assertThat(usageRepository().watermark(key.orgId(), key.id(), Dataset.USAGE))
        .contains(Instant.parse(DAY_END));
    assertThat(usageRepository().watermark(key.orgId(), key.id(), Dataset.COST)).isEmpty();
  }

  @Test
  void watermarkIsEmptyBeforeFirstReplace() {
    ProviderKeyRecord key = newKey(Provider.OPENAI);

    var watermark = usageRepository().watermark(key.orgId(), key.id(), Dataset.USAGE);

    assertThat(watermark).isEmpty();
  }

  @Test
  void replaceUsageTwiceStoresBucketsOnce() {
    ProviderKeyRecord key = newKey(Provider.OPENAI);
    List<UsageBucket> buckets = List.of(usage().at("2026-03-01T05:00:00Z").build());

    usageRepository().replaceUsage(day(key), buckets);
    usageRepository().replaceUsage(day(key), buckets);

    assertThat(storedUsage(key.orgId(), key.id())).containsExactlyElementsOf(buckets);
  }

  @Test
  void replaceUsageAssignsRestatedValues() {
    ProviderKeyRecord key = newKey(Provider.OPENAI);
    usageRepository().replaceUsage(day(key), List.of(usage().tokens(100, 10).requests(1L).build()));

    UsageBucket restated = usage().tokens(150, 15).requests(null).build();
    usageRepository().replaceUsage(day(key), List.of(restated));

    assertThat(storedUsage(key.orgId(), key.id())).containsExactly(restated);
  }

  @Test
  void replaceUsageDeletesMissingBucketsInsideWindowOnly() {
    ProviderKeyRecord key = newKey(Provider.OPENAI);
    UsageBucket before = usage().at("2026-02-28T23:00:00Z").build();
    UsageBucket kept = usage().at("2026-03-01T00:00:00Z").build();
    UsageBucket dropped = usage().at("2026-03-01T12:00:00Z").build();
    UsageBucket after = usage().at("2026-03-02T00:00:00Z").build();
    usageRepository()
        .replaceUsage(
            Fixtures.scope(key, "2026-02-28T00:00:00Z", "2026-03-03T00:00:00Z"),
            List.of(before, kept, dropped, after));

    usageRepository().replaceUsage(day(key), List.of(kept));

    assertThat(storedUsage(key.orgId(), key.id())).containsExactlyInAnyOrder(before, kept, after);
  }

  @Test
  void replaceUsageWithEmptyBatchClearsWindow() {
    ProviderKeyRecord key = newKey(Provider.OPENAI);
    usageRepository().replaceUsage(day(key), List.of(usage().build()));

    usageRepository().replaceUsage(day(key), List.of());

    assertThat(storedUsage(key.orgId(), key.id())).isEmpty();
    assertThat(usageRepository().watermark(key.orgId(), key.id(), Dataset.USAGE))
        .contains(Instant.parse(DAY_END));
  }

  @Test
  void replaceUsageLeavesOtherKeysAlone() {
    ProviderKeyRecord key = newKey(Provider.OPENAI);
    ProviderKeyRecord sibling = newKey(key.orgId(), Provider.OPENAI);
    UsageBucket siblingBucket = usage().build();
    usageRepository().replaceUsage(day(sibling), List.of(siblingBucket));

    usageRepository().replaceUsage(day(key), List.of());

    assertThat(storedUsage(sibling.orgId(), sibling.id())).containsExactly(siblingBucket);
  }

  @Test
  void replaceUsageRejectsBucketOutsideWindow() {
    ProviderKeyRecord key = newKey(Provider.OPENAI);
    List<UsageBucket> buckets =
        List.of(usage().at("2026-03-01T05:00:00Z").build(), usage().at(DAY_END).build());

    assertThatThrownBy(() -> usageRepository().replaceUsage(day(key), buckets))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'buckets' must start inside the window [2026-03-01T00:00:00Z, 2026-03-02T00:00:00Z)"
                + " (was a bucket starting at 2026-03-02T00:00:00Z)");

    assertThat(storedUsage(key.orgId(), key.id())).isEmpty();
    assertThat(usageRepository().watermark(key.orgId(), key.id(), Dataset.USAGE)).isEmpty();
  }

  @Test
  void replaceUsageRejectsDuplicateKeys() {
    ProviderKeyRecord key = newKey(Provider.OPENAI);
    UsageBucket bucket = usage().at("2026-03-01T05:00:00Z").build();

    assertThatThrownBy(() -> usageRepository().replaceUsage(day(key), List.of(bucket, bucket)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'buckets' must be unique by key (was " + bucket.key() + " twice)");

    assertThat(storedUsage(key.orgId(), key.id())).isEmpty();
  }

  @Test
  void replaceUsageRejectsBucketOfOtherProvider() {
    ProviderKeyRecord key = newKey(Provider.ANTHROPIC);
    UsageBucket openAi = usage().provider(Provider.OPENAI).build();

    assertThatThrownBy(() -> usageRepository().replaceUsage(day(key), List.of(openAi)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'buckets' must all be of provider anthropic (was openai)");
  }

  @Test
  void replaceCostsStoresExactAmounts() {
    ProviderKeyRecord key = newKey(Provider.OPENAI);
    List<CostBucket> buckets =
        List.of(
            cost().usd("0.0042").build(),
            cost().tokenType("output").usd("12.50").build(),
            cost().lineItem("none").model("none").tokenType("none").usd("-0.10").build());

    usageRepository().replaceCosts(day(key), buckets);

    List<CostBucket> stored = storedCosts(key.orgId(), key.id());
    assertThat(stored).containsExactlyInAnyOrderElementsOf(buckets);
    assertThat(stored)
        .extracting(bucket -> bucket.amount().amount())
        .containsExactlyInAnyOrder(
            new BigDecimal("0.0042"), new BigDecimal("12.50"), new BigDecimal("-0.10"));
  }

  @Test
  void replaceCostsDeletesMissingBuckets() {
    ProviderKeyRecord key = newKey(Provider.OPENAI);
    CostBucket kept = cost().at("2026-03-01T00:00:00Z").build();
    CostBucket dropped = cost().at("2026-03-02T00:00:00Z").build();
    CostBucket outside = cost().at("2026-03-03T00:00:00Z").build();
    usageRepository()
        .replaceCosts(
            Fixtures.scope(key, DAY_START, "2026-03-04T00:00:00Z"),
            List.of(kept, dropped, outside));

    usageRepository()
        .replaceCosts(Fixtures.scope(key, DAY_START, "2026-03-03T00:00:00Z"), List.of(kept));

    assertThat(storedCosts(key.orgId(), key.id())).containsExactlyInAnyOrder(kept, outside);
    assertThat(usageRepository().watermark(key.orgId(), key.id(), Dataset.COST))
        .contains(Instant.parse("2026-03-03T00:00:00Z"));
  }

  @Test
  void replaceCostsAssignsRestatedAmount() {
    ProviderKeyRecord key = newKey(Provider.OPENAI);
    usageRepository().replaceCosts(day(key), List.of(cost().usd("1.00").build()));

    CostBucket restated = cost().usd("1.5").build();
    usageRepository().replaceCosts(day(key), List.of(restated));

    assertThat(storedCosts(key.orgId(), key.id())).containsExactly(restated);
  }

  private WindowScope day(ProviderKeyRecord key) {
    return Fixtures.scope(key, DAY_START, DAY_END);
  }

  private ProviderKeyRecord newKey(Provider provider) {
    Organization organization = Fixtures.organization();
    organizations().insert(organization);
    return newKey(organization.id(), provider);
  }

  private ProviderKeyRecord newKey(OrgId orgId, Provider provider) {
    ProviderKeyRecord key = Fixtures.providerKey(orgId, provider, Instant.parse(DAY_START));
    keys().insert(key);
    return key;
  }
}
