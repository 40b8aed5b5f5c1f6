package dev.reckon.ports.service;

import dev.reckon.domain.tenant.Plan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many days of usage and cost history each plan keeps. Rows that start before the cutoff of the
 * organization's current plan are deleted by the daily prune.
 *
 * @param daysByPlan the retention of every plan in days, from 1 to {@value #MAX_DAYS}
 */
public record RetentionPolicy(Map<Plan, Integer> daysByPlan) {

  /** A hundred years, far beyond any plan, so that computing a cutoff cannot overflow. */
  public static final int MAX_DAYS = 36_500;

  public RetentionPolicy {
    Objects.requireNonNull(daysByPlan, "daysByPlan");
    Map<Plan, Integer> copy = new EnumMap<>(Plan.class);
    for (Plan plan : Plan.values()) {
      Integer days = daysByPlan.get(plan);
      if (days == null) {
        throw new IllegalArgumentException(
            "'daysByPlan' must set the retention of plan " + plan.id() + " (was missing)");
      }
      copy.put(plan, requireDays(plan, days));
    }
    daysByPlan = Collections.unmodifiableMap(copy);
  }

  /** Returns the retention each plan promises: {@link Plan#retentionDays()}. */
  public static RetentionPolicy defaults() {
    Map<Plan, Integer> days = new EnumMap<>(Plan.class);
    for (Plan plan : Plan.values()) {
      days.put(plan, plan.retentionDays());
    }
    return new RetentionPolicy(days);
  }

  /** Returns a copy of this policy in which {@code plan} keeps {@code days} days. */
  /**
   * Reads the days from RECKON_RETENTION_FREE_DAYS and RECKON_RETENTION_PRO_DAYS, each defaulting
   * to {@link #defaults()}. The web API and the worker both read them this way.
   *
   * @throws IllegalArgumentException naming the variable, its value and the valid range
   */
  public static RetentionPolicy fromEnvironment(Map<String, String> env) {
    RetentionPolicy defaults = defaults();
    return defaults
        .withDays(Plan.FREE, days(env, "RECKON_RETENTION_FREE_DAYS", defaults.days(Plan.FREE)))
        .withDays(Plan.PRO, days(env, "RECKON_RETENTION_PRO_DAYS", defaults.days(Plan.PRO)));
  }

  public RetentionPolicy withDays(Plan plan, int days) {
    Objects.requireNonNull(plan, "plan");
    Map<Plan, Integer> changed = new EnumMap<>(daysByPlan);
    changed.put(plan, requireDays(plan, days));
    return new RetentionPolicy(changed);
  }

  public int days(Plan plan) {
    Objects.requireNonNull(plan, "plan");
    return daysByPlan.get(plan);
  }

  /**
   * Returns the first instant the plan keeps at {@code now}: the start of the UTC day {@link #days}
   * days before the UTC date of {@code now}. Rows starting at the cutoff are kept, rows starting
   * before it are deleted.
   */
  public Instant cutoff(Plan plan, Instant now) {
    Objects.requireNonNull(now, "now");
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return today.minusDays(days(plan)).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static int requireDays(Plan plan, int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException(
          "retention of plan "
              + plan.id()
              + " must be from 1 to "
              + MAX_DAYS
              + " days (was "
              + days
              + ")");
    }
    return days;
  }

  private static int days(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int days = Integer.parseInt(value.strip());
      if (days < 1 || days > MAX_DAYS) {
        throw new NumberFormatException();
      }
      return days;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " '" + value + "' is invalid: use a whole number of days from 1 to " + MAX_DAYS);
    }
  }
}
