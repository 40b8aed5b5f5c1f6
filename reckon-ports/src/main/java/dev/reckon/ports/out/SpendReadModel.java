package dev.reckon.ports.out;

import dev.reckon.domain.report.DailyCost;
import dev.reckon.domain.report.DailyUsage;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.usage.UsageBucket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads stored usage and cost of one organization, summed per day, for reports. */
public interface SpendReadModel {

  /**
   * Sums hourly usage into days of the given zone, for days {@code from} to {@code to} inclusive,
   * one row per day, provider, model, project and API key (service tiers are added together). An
   * empty provider means all providers.
   */
  List<DailyUsage> dailyUsage(
      OrgId orgId, LocalDate from, LocalDate to, ZoneId zone, Optional<Provider> provider);

  /**
   * Sums billed cost per UTC day (providers bill by UTC day), provider, project and model for UTC
   * dates {@code from} to {@code to} inclusive.
   */
  List<DailyCost> dailyCosts(
      OrgId orgId, LocalDate from, LocalDate to, Optional<Provider> provider);

  /**
   * Returns hourly usage buckets starting in {@code [from, to)}, for hourly charts, ordered by
   * start, provider, model, project, API key and service tier. Buckets of several provider keys
   * with the same start and dimensions are added together. An empty provider means all providers.
   *
   * @throws IllegalArgumentException when {@code from} is not before {@code to}
   */
  List<UsageBucket> hourlyUsage(OrgId orgId, Instant from, Instant to, Optional<Provider> provider);

  /** Returns the known display names of provider ids (projects, workspaces, API keys). */
  Map<String, String> names(OrgId orgId);
}
