package dev.reckon.ports.in;

import dev.reckon.domain.report.GroupBy;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A spend report request: days {@code from} to {@code to} inclusive, in the organization's time
 * zone, optionally for one provider.
 */
public record SpendQuery(
    OrgId orgId, LocalDate from, LocalDate to, GroupBy groupBy, Optional<Provider> provider) {

  /** The maximum range one report covers, a little over the longest retention (365 days). */
  public static final int MAX_DAYS = 400;

  public SpendQuery {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(groupBy, "groupBy");
    Objects.requireNonNull(provider, "provider");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException(
          "'from' (" + from + ") must not be after 'to' (" + to + "): swap the two dates");
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > MAX_DAYS) {
      throw new IllegalArgumentException(
          "the range "
              + from
              + " to "
              + to
              + " spans "
              + days
              + " days: a report covers at most "
              + MAX_DAYS
              + " days, so split it");
    }
  }
}
