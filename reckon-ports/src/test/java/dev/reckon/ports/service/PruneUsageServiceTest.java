package dev.reckon.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.tenant.Plan;
import dev.reckon.ports.in.PruneUsageUseCase.OrganizationPruned;
import dev.reckon.ports.in.PruneUsageUseCase.Summary;
import dev.reckon.ports.testing.Fixtures;
import dev.reckon.ports.testing.InMemoryOrganizationRepository;
import dev.reckon.ports.testing.InMemoryUsageRetentionRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PruneUsageServiceTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-04-10T15:00:00Z"), ZoneOffset.UTC);
  private static final Instant FREE_CUTOFF = Instant.parse("2026-03-11T00:00:00Z");
  private static final Instant PRO_CUTOFF = Instant.parse("2025-04-10T00:00:00Z");

  private final InMemoryOrganizationRepository organizations = new InMemoryOrganizationRepository();
  private final InMemoryUsageRetentionRepository retention = new InMemoryUsageRetentionRepository();
  private final PruneUsageService service =
      new PruneUsageService(organizations, retention, RetentionPolicy.defaults(), CLOCK);

  @Test
  void freePlanDeletesBeforeCutoffOnly() {
    OrgId org = organization(Plan.FREE);
    retention.addUsage(org, FREE_CUTOFF.minusNanos(1_000), FREE_CUTOFF, CLOCK.instant());
    retention.addCosts(org, FREE_CUTOFF.minusSeconds(86_400), FREE_CUTOFF);

    OrganizationPruned pruned = service.pruneOrganization(org).orElseThrow();

    assertThat(pruned).isEqualTo(new OrganizationPruned(org, Plan.FREE, 30, FREE_CUTOFF, 1, 1));
    assertThat(retention.usageStarts(org)).containsExactly(FREE_CUTOFF, CLOCK.instant());
    assertThat(retention.costStarts(org)).containsExactly(FREE_CUTOFF);
  }

  @Test
  void proPlanKeepsAYear() {
    OrgId org = organization(Plan.PRO);
    retention.addUsage(
        org, PRO_CUTOFF.minusSeconds(3_600), PRO_CUTOFF, FREE_CUTOFF.minusSeconds(1));

    OrganizationPruned pruned = service.pruneOrganization(org).orElseThrow();

    assertThat(pruned.cutoff()).isEqualTo(PRO_CUTOFF);
    assertThat(pruned.usageRows()).isEqualTo(1);
    assertThat(retention.usageStarts(org)).containsExactly(PRO_CUTOFF, FREE_CUTOFF.minusSeconds(1));
  }

  @Test
  void downgradePrunesMoreAtNextRun() {
    OrgId org = organization(Plan.PRO);
    Instant twoMonthsAgo = Instant.parse("2026-02-10T00:00:00Z");
    retention.addUsage(org, twoMonthsAgo, FREE_CUTOFF);
    service.pruneOrganization(org);

    organizations.changePlan(org, Plan.FREE);
    OrganizationPruned pruned = service.pruneOrganization(org).orElseThrow();

    assertThat(pruned.usageRows()).isEqualTo(1);
    assertThat(retention.usageStarts(org)).containsExactly(FREE_CUTOFF);
  }

  @Test
  void upgradeDoesNotRestoreDeletedRows() {
    OrgId org = organization(Plan.FREE);
    retention.addUsage(org, Instant.parse("2026-02-10T00:00:00Z"), FREE_CUTOFF);
    service.pruneOrganization(org);

    organizations.changePlan(org, Plan.PRO);
    OrganizationPruned pruned = service.pruneOrganization(org).orElseThrow();

    assertThat(pruned.usageRows()).isZero();
    assertThat(pruned.cutoff()).isEqualTo(PRO_CUTOFF);
    assertThat(retention.usageStarts(org)).containsExactly(FREE_CUTOFF);
  }

  @Test
  void secondRunDeletesNothing() {
    OrgId org = organization(Plan.FREE);
    retention.addUsage(org, FREE_CUTOFF.minusSeconds(1), FREE_CUTOFF);
    service.pruneAll();

    Summary second = service.pruneAll();

    assertThat(second.usageRows()).isZero();
    assertThat(second.costRows()).isZero();
    assertThat(retention.usageStarts(org)).containsExactly(FREE_CUTOFF);
  }

  @Test
  void batchesRepeatUntilOneComesBackShort() {
    PruneUsageService small =
        new PruneUsageService(organizations, retention, RetentionPolicy.defaults(), CLOCK, 2);
    OrgId org = organization(Plan.FREE);
    for (int day = 1; day <= 5; day++) {
      retention.addUsage(org, FREE_CUTOFF.minusSeconds(86_400L * day));
    }

    OrganizationPruned pruned = small.pruneOrganization(org).orElseThrow();

    assertThat(pruned.usageRows()).isEqualTo(5);
    // Usage takes batches of 2, 2 and 1, and costs one empty batch.
    assertThat(retention.calls()).isEqualTo(4);
  }

  @Test
  void fullBatchTriggersAnother() {
    PruneUsageService small =
        new PruneUsageService(organizations, retention, RetentionPolicy.defaults(), CLOCK, 2);
    OrgId org = organization(Plan.FREE);
    for (int day = 1; day <= 4; day++) {
      retention.addCosts(org, FREE_CUTOFF.minusSeconds(86_400L * day));
    }

    OrganizationPruned pruned = small.pruneOrganization(org).orElseThrow();

    assertThat(pruned.costRows()).isEqualTo(4);
    // Usage takes one empty batch, and costs take 2, 2 and an empty one.
    assertThat(retention.calls()).isEqualTo(4);
  }

  @Test
  void pruneAllVisitsEveryOrganizationAndAddsUp() {
    OrgId free = organization(Plan.FREE);
    OrgId pro = organization(Plan.PRO);
    retention.addUsage(free, FREE_CUTOFF.minusSeconds(1), FREE_CUTOFF.minusSeconds(2));
    retention.addUsage(pro, FREE_CUTOFF.minusSeconds(1), PRO_CUTOFF.minusSeconds(1));
    retention.addCosts(pro, PRO_CUTOFF.minusSeconds(86_400));

    Summary summary = service.pruneAll();

    assertThat(summary.organizations()).isEqualTo(2);
    assertThat(summary.usageRows()).isEqualTo(3);
    assertThat(summary.costRows()).isEqualTo(1);
    assertThat(summary.perOrganization())
        .containsExactlyInAnyOrder(
            new OrganizationPruned(free, Plan.FREE, 30, FREE_CUTOFF, 2, 0),
            new OrganizationPruned(pro, Plan.PRO, 365, PRO_CUTOFF, 1, 1));
    assertThat(retention.usageStarts(pro)).containsExactly(FREE_CUTOFF.minusSeconds(1));
  }

  @Test
  void overriddenRetentionApplies() {
    PruneUsageService weekly =
        new PruneUsageService(
            organizations, retention, RetentionPolicy.defaults().withDays(Plan.FREE, 7), CLOCK);
    OrgId org = organization(Plan.FREE);
    Instant weekCutoff = Instant.parse("2026-04-03T00:00:00Z");
    retention.addUsage(org, weekCutoff.minusSeconds(1), weekCutoff);

    OrganizationPruned pruned = weekly.pruneOrganization(org).orElseThrow();

    assertThat(pruned.retentionDays()).isEqualTo(7);
    assertThat(pruned.cutoff()).isEqualTo(weekCutoff);
    assertThat(retention.usageStarts(org)).containsExactly(weekCutoff);
  }

  @Test
  void unknownOrganizationIsEmptyAndUntouched() {
    OrgId unknown = new OrgId(UUID.randomUUID());
    retention.addUsage(unknown, FREE_CUTOFF.minusSeconds(1));

    var pruned = service.pruneOrganization(unknown);

    assertThat(pruned).isEmpty();
    assertThat(retention.usageStarts(unknown)).hasSize(1);
  }

  @Test
  void constructorRejectsBatchSizeBelowOne() {
    assertThatThrownBy(
            () ->
                new PruneUsageService(
                    organizations, retention, RetentionPolicy.defaults(), CLOCK, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'batchSize' must be at least 1 (was 0)");
  }

  private OrgId organization(Plan plan) {
    Organization organization = Fixtures.organization();
    organizations.insert(organization);
    organizations.changePlan(organization.id(), plan);
    return organization.id();
  }
}
