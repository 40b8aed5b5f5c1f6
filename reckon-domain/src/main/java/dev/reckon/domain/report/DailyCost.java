package dev.reckon.domain.report;

import dev.reckon.domain.shared.Money;
import dev.reckon.domain.shared.Provider;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Billed cost summed over one provider cost day for one provider, project and model.
 *
 * <p>Providers bill by UTC day, so {@code day} is the UTC date of the bucket even when the report
 * uses another time zone.
 */
public record DailyCost(
    LocalDate day, Provider provider, String project, String model, Money amount) {

  public DailyCost {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(amount, "amount");
  }
}
