package dev.reckon.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.tenant.Plan;
import dev.reckon.ports.in.PruneUsageUseCase.OrganizationPruned;
import dev.reckon.ports.in.PruneUsageUseCase.Summary;
import dev.reckon.ports.out.UsageRetentionRepository;
import dev.reckon.ports.service.PruneUsageService;
import dev.reckon.ports.service.RetentionPolicy;
import dev.reckon.ports.testing.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The retention prune against PostgreSQL, as the worker runs it. */
class PruneUsageIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-04-10T15:00:00Z"), ZoneOffset.UTC);
  private static final Instant FREE_CUTOFF = Instant.parse("2026-03-11T00:00:00Z");
  private static final Instant PRO_CUTOFF = Instant.parse("2025-04-10T00:00:00Z");
  private static final Instant MICROSECOND_BEFORE = FREE_CUTOFF.minusNanos(1_000);

  private static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void rowsAtCutoffStayAndMicrosecondBeforeGo() {
    OrgId org = organization(Plan.FREE);
    RawBuckets.insertUsage(
        database.worker(), org, MICROSECOND_BEFORE, FREE_CUTOFF, FREE_CUTOFF.plusSeconds(3_600));
    RawBuckets.insertCosts(database.worker(), org, FREE_CUTOFF.minusSeconds(86_400), FREE_CUTOFF);

    OrganizationPruned pruned = service(2).pruneOrganization(org).orElseThrow();

    assertThat(pruned).isEqualTo(new OrganizationPruned(org, Plan.FREE, 30, FREE_CUTOFF, 1, 1));
    assertThat(RawBuckets.usageStarts(database.worker(), org))
        .containsExactly(FREE_CUTOFF, FREE_CUTOFF.plusSeconds(3_600));
    assertThat(RawBuckets.costStarts(database.worker(), org)).containsExactly(FREE_CUTOFF);
  }

  @Test
  void otherOrganizationIsUntouched() {
    OrgId org = organization(Plan.FREE);
    OrgId other = organization(Plan.FREE);
    RawBuckets.insertUsage(database.worker(), org, MICROSECOND_BEFORE);
    RawBuckets.insertUsage(database.worker(), other, MICROSECOND_BEFORE, PRO_CUTOFF);
    RawBuckets.insertCosts(database.worker(), other, PRO_CUTOFF);

    service(2).pruneOrganization(org);

    assertThat(RawBuckets.usageStarts(database.worker(), org)).isEmpty();
    assertThat(RawBuckets.usageStarts(database.worker(), other))
        .containsExactly(PRO_CUTOFF, MICROSECOND_BEFORE);
    assertThat(RawBuckets.costStarts(database.worker(), other)).containsExactly(PRO_CUTOFF);
  }

  @Test
  void secondRunDeletesNothing() {
    OrgId org = organization(Plan.FREE);
    RawBuckets.insertUsage(database.worker(), org, MICROSECOND_BEFORE, FREE_CUTOFF);
    RawBuckets.insertCosts(database.worker(), org, MICROSECOND_BEFORE);
    service(2).pruneOrganization(org);

    OrganizationPruned second = service(2).pruneOrganization(org).orElseThrow();

    assertThat(second.usageRows()).isZero();
    assertThat(second.costRows()).isZero();
    assertThat(RawBuckets.usageStarts(database.worker(), org)).containsExactly(FREE_CUTOFF);
  }

  @Test
  void eachBatchDeletesAtMostBatchSize() {
    OrgId org = organization(Plan.FREE);
    for (int day = 1; day <= 5; day++) {
      RawBuckets.insertUsage(database.worker(), org, FREE_CUTOFF.minusSeconds(86_400L * day));
    }
    Counting counting = new Counting(new JdbiUsageRetentionRepository(database.worker()));
    PruneUsageService service =
        new PruneUsageService(
            new JdbiOrganizationRepository(database.worker()),
            counting,
            RetentionPolicy.defaults(),
            CLOCK,
            2);

    OrganizationPruned pruned = service.pruneOrganization(org).orElseThrow();

    assertThat(pruned.usageRows()).isEqualTo(5);
    assertThat(counting.usageBatches).containsExactly(2, 2, 1);
    assertThat(counting.costBatches).containsExactly(0);
  }

  @Test
  void downgradePrunesMoreAtNextRun() {
    OrgId org = organization(Plan.PRO);
    Instant twoMonthsAgo = Instant.parse("2026-02-10T00:00:00Z");
    Instant elevenMonthsAgo = Instant.parse("2025-05-01T00:00:00Z");
    RawBuckets.insertUsage(database.worker(), org, elevenMonthsAgo, twoMonthsAgo, FREE_CUTOFF);
    OrganizationPruned asPro = service(2).pruneOrganization(org).orElseThrow();

    changePlan(org, Plan.FREE);
    OrganizationPruned asFree = service(2).pruneOrganization(org).orElseThrow();

    assertThat(asPro.usageRows()).isZero();
    assertThat(asFree.plan()).isEqualTo(Plan.FREE);
    assertThat(asFree.usageRows()).isEqualTo(2);
    assertThat(RawBuckets.usageStarts(database.worker(), org)).containsExactly(FREE_CUTOFF);
  }

  @Test
  void upgradeDoesNotBringRowsBack() {
    OrgId org = organization(Plan.FREE);
    RawBuckets.insertUsage(
        database.worker(), org, Instant.parse("2026-02-10T00:00:00Z"), FREE_CUTOFF);
    service(2).pruneOrganization(org);

    changePlan(org, Plan.PRO);
    OrganizationPruned asPro = service(2).pruneOrganization(org).orElseThrow();

    assertThat(asPro.cutoff()).isEqualTo(PRO_CUTOFF);
    assertThat(asPro.usageRows()).isZero();
    assertThat(RawBuckets.usageStarts(database.worker(), org)).containsExactly(FREE_CUTOFF);
  }

  @Test
  void pruneAllCoversEveryOrganization() {
    OrgId free = organization(Plan.FREE);
    OrgId pro = organization(Plan.PRO);
    RawBuckets.insertUsage(database.worker(), free, MICROSECOND_BEFORE);
    RawBuckets.insertUsage(database.worker(), pro, MICROSECOND_BEFORE, PRO_CUTOFF.minusSeconds(1));

    Summary summary = service(2).pruneAll();

    assertThat(summary.perOrganization())
        .contains(
            new OrganizationPruned(free, Plan.FREE, 30, FREE_CUTOFF, 1, 0),
            new OrganizationPruned(pro, Plan.PRO, 365, PRO_CUTOFF, 1, 0));
    assertThat(RawBuckets.usageStarts(database.worker(), pro)).containsExactly(MICROSECOND_BEFORE);
  }

  private static PruneUsageService service(int batchSize) {
    return new PruneUsageService(
        new JdbiOrganizationRepository(database.worker()),
        new JdbiUsageRetentionRepository(database.worker()),
        RetentionPolicy.defaults(),
        CLOCK,
        batchSize);
  }

  private static OrgId organization(Plan plan) {
    Organization fixture = Fixtures.organization();
    Organization organization =
        new Organization(fixture.id(), fixture.slug(), fixture.name(), plan, fixture.timeZone());
    new JdbiOrganizationRepository(database.web()).insert(organization);
    return organization.id();
  }

  // No app role may change a plan, so the test does it as the owner, as billing would.
  private static void changePlan(OrgId orgId, Plan plan) {
    database
        .owner()
        .useTransaction(
            h -> {
              TenantTransactions.setOrg(h, orgId);
              h.createUpdate("update reckon.organizations set plan = :plan where org_id = :org")
                  .bind("plan", plan.id())
                  .bind("org", orgId.value())
                  .execute();
            });
  }

  /** Records what every batch deleted. */
  private static final class Counting implements UsageRetentionRepository {

    private final UsageRetentionRepository delegate;
    final List<Integer> usageBatches = new ArrayList<>();
    final List<Integer> costBatches = new ArrayList<>();

    Counting(UsageRetentionRepository delegate) {
      this.delegate = delegate;
    }

    @Override
    public int deleteUsageBefore(OrgId orgId, Instant cutoff, int limit) {
      int deleted = delegate.deleteUsageBefore(orgId, cutoff, limit);
      usageBatches.add(deleted);
      return deleted;
    }

    @Override
    public int deleteCostsBefore(OrgId orgId, Instant cutoff, int limit) {
      int deleted = delegate.deleteCostsBefore(orgId, cutoff, limit);
      costBatches.add(deleted);
      return deleted;
    }
  }
}
