package dev.reckon.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.tenant.Plan;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  @Test
  void defaultsMatchPlans() {
    RetentionPolicy policy = RetentionPolicy.defaults();

    assertThat(policy.days(Plan.FREE)).isEqualTo(30);
    assertThat(policy.days(Plan.PRO)).isEqualTo(365);
  }

  @Test
  void withDaysChangesOnlyThatPlan() {
    RetentionPolicy policy = RetentionPolicy.defaults().withDays(Plan.FREE, 7);

    assertThat(policy.days(Plan.FREE)).isEqualTo(7);
    assertThat(policy.days(Plan.PRO)).isEqualTo(365);
    assertThat(RetentionPolicy.defaults().days(Plan.FREE)).isEqualTo(30);
  }

  @Test
  void cutoffIsUtcDayStart() {
    RetentionPolicy policy = RetentionPolicy.defaults();
    Instant now = Instant.parse("2026-04-10T23:59:59.999Z");

    assertThat(policy.cutoff(Plan.FREE, now)).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
    assertThat(policy.cutoff(Plan.PRO, now)).isEqualTo(Instant.parse("2025-04-10T00:00:00Z"));
  }

  @Test
  void cutoffAtMidnightUsesThatDay() {
    RetentionPolicy policy = RetentionPolicy.defaults().withDays(Plan.FREE, 1);

    Instant cutoff = policy.cutoff(Plan.FREE, Instant.parse("2026-01-01T00:00:00Z"));

    assertThat(cutoff).isEqualTo(Instant.parse("2025-12-31T00:00:00Z"));
  }

  @Test
  void withDaysRejectsZero() {
    assertThatThrownBy(() -> RetentionPolicy.defaults().withDays(Plan.PRO, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retention of plan pro must be from 1 to 36500 days (was 0)");
  }

  @Test
  void withDaysRejectsOverMaximum() {
    assertThatThrownBy(() -> RetentionPolicy.defaults().withDays(Plan.FREE, 36_501))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retention of plan free must be from 1 to 36500 days (was 36501)");
  }

  @Test
  void constructorRejectsMissingPlan() {
    assertThatThrownBy(() -> new RetentionPolicy(Map.of(Plan.FREE, 30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'daysByPlan' must set the retention of plan pro (was missing)");
  }

  @Test
  void environmentOverridesDays() {
    RetentionPolicy policy =
        RetentionPolicy.fromEnvironment(
            Map.of("RECKON_RETENTION_FREE_DAYS", "7", "RECKON_RETENTION_PRO_DAYS", " 730 "));

    assertThat(policy.days(Plan.FREE)).isEqualTo(7);
    assertThat(policy.days(Plan.PRO)).isEqualTo(730);
  }

  @Test
  void environmentRejectsInvalidDays() {
    assertThatThrownBy(
            () -> RetentionPolicy.fromEnvironment(Map.of("RECKON_RETENTION_PRO_DAYS", "forever")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "RECKON_RETENTION_PRO_DAYS 'forever' is invalid: use a whole number of days from 1 to"
                + " 36500");
  }
}
