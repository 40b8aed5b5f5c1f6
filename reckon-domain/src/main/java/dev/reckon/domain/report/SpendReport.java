package dev.reckon.domain.report;

import dev.reckon.domain.shared.Money;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Spend of one organization between two dates (inclusive), grouped by one dimension, with billed
 * and estimated figures kept apart.
 */
public record SpendReport(
    LocalDate from,
    LocalDate to,
    ZoneId zone,
    GroupBy groupBy,
    String priceTableVersion,
    List<SpendRow> rows,
    Money totalBilled,
    Money totalEstimated,
    EstimateStatus totalEstimateStatus,
    List<String> unpricedModels) {

  public SpendReport {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(groupBy, "groupBy");
    Objects.requireNonNull(priceTableVersion, "priceTableVersion");
    Objects.requireNonNull(totalBilled, "totalBilled");
    Objects.requireNonNull(totalEstimated, "totalEstimated");
    Objects.requireNonNull(totalEstimateStatus, "totalEstimateStatus");
    rows = List.copyOf(rows);
    unpricedModels = List.copyOf(unpricedModels);
  }

  public String currency() {
    return Money.USD;
  }
}
