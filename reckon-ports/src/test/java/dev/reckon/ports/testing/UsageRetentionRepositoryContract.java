package dev.reckon.ports.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.ports.out.UsageRetentionRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link UsageRetentionRepository} must have. */
public abstract class UsageRetentionRepositoryContract {

  private static final Instant CUTOFF = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant JUST_BEFORE = CUTOFF.minusNanos(1_000);

  protected abstract UsageRetentionRepository retention();

  /** Creates an organization with no buckets and returns its id. */
  protected abstract OrgId newOrganization();

  /** Stores one usage bucket of the organization per start. */
  protected abstract void storeUsage(OrgId orgId, Instant... starts);

  /** Stores one cost bucket of the organization per start. */
  protected abstract void storeCosts(OrgId orgId, Instant... starts);

  /** Returns the starts of the organization's stored usage buckets, sorted. */
  protected abstract List<Instant> usageStarts(OrgId orgId);

  /** Returns the starts of the organization's stored cost buckets, sorted. */
  protected abstract List<Instant> costStarts(OrgId orgId);

  @Test
  void usageBeforeCutoffGoesAndAtCutoffStays() {
    OrgId org = newOrganization();
    storeUsage(org, JUST_BEFORE, CUTOFF, CUTOFF.plusSeconds(3_600), days(CUTOFF, -40));

    int deleted = retention().deleteUsageBefore(org, CUTOFF, 100);

    assertThat(deleted).isEqualTo(2);
    assertThat(usageStarts(org)).containsExactly(CUTOFF, CUTOFF.plusSeconds(3_600));
  }

  @Test
  void costsBeforeCutoffGoAndAtCutoffStay() {
    OrgId org = newOrganization();
    storeCosts(org, JUST_BEFORE, CUTOFF, days(CUTOFF, 1), days(CUTOFF, -40));

    int deleted = retention().deleteCostsBefore(org, CUTOFF, 100);

    assertThat(deleted).isEqualTo(2);
    assertThat(costStarts(org)).containsExactly(CUTOFF, days(CUTOFF, 1));
  }

  @Test
  void usageDeleteLeavesCostsAlone() {
    OrgId org = newOrganization();
    storeUsage(org, days(CUTOFF, -2));
    storeCosts(org, days(CUTOFF, -2));

    retention().deleteUsageBefore(org, CUTOFF, 100);

    assertThat(usageStarts(org)).isEmpty();
    assertThat(costStarts(org)).containsExactly(days(CUTOFF, -2));
  }

  @Test
  void deleteTouchesNoOtherOrganization() {
    OrgId org = newOrganization();
    OrgId other = newOrganization();
    storeUsage(org, days(CUTOFF, -2));
    storeUsage(other, days(CUTOFF, -2), days(CUTOFF, -3));
    storeCosts(other, days(CUTOFF, -2));

    retention().deleteUsageBefore(org, CUTOFF, 100);
    retention().deleteCostsBefore(org, CUTOFF, 100);

    assertThat(usageStarts(other)).containsExactly(days(CUTOFF, -3), days(CUTOFF, -2));
    assertThat(costStarts(other)).containsExactly(days(CUTOFF, -2));
  }

  @Test
  void deleteRemovesAtMostLimitPerCall() {
    OrgId org = newOrganization();
    List<Instant> old = new ArrayList<>();
    for (int day = 1; day <= 5; day++) {
      old.add(days(CUTOFF, -day));
    }
    storeUsage(org, old.toArray(Instant[]::new));
    storeCosts(org, old.toArray(Instant[]::new));

    List<Integer> usageBatches = new ArrayList<>();
    List<Integer> costBatches = new ArrayList<>();
    for (int call = 0; call < 4; call++) {
      usageBatches.add(retention().deleteUsageBefore(org, CUTOFF, 2));
      costBatches.add(retention().deleteCostsBefore(org, CUTOFF, 2));
    }

    assertThat(usageBatches).containsExactly(2, 2, 1, 0);
    assertThat(costBatches).containsExactly(2, 2, 1, 0);
    assertThat(usageStarts(org)).isEmpty();
  }

  @Test
  void secondDeleteWithSameCutoffDeletesNothing() {
    OrgId org = newOrganization();
    storeUsage(org, days(CUTOFF, -1), CUTOFF);
    retention().deleteUsageBefore(org, CUTOFF, 100);

    int deleted = retention().deleteUsageBefore(org, CUTOFF, 100);

    assertThat(deleted).isZero();
    assertThat(usageStarts(org)).containsExactly(CUTOFF);
  }

  @Test
  void deleteOfOrganizationWithoutRowsReturnsZero() {
    OrgId org = newOrganization();

    int usage = retention().deleteUsageBefore(org, CUTOFF, 100);
    int costs = retention().deleteCostsBefore(org, CUTOFF, 100);

    assertThat(usage).isZero();
    assertThat(costs).isZero();
  }

  @Test
  void deleteRejectsLimitBelowOne() {
    OrgId org = newOrganization();
    storeUsage(org, days(CUTOFF, -1));

    assertThatThrownBy(() -> retention().deleteUsageBefore(org, CUTOFF, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'limit' must be at least 1 (was 0)");
    assertThatThrownBy(() -> retention().deleteCostsBefore(org, CUTOFF, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'limit' must be at least 1 (was -1)");

    assertThat(usageStarts(org)).containsExactly(days(CUTOFF, -1));
  }

  private static Instant days(Instant start, int days) {
    return start.plusSeconds(86_400L * days);
  }
}
