package dev.reckon.domain.report;

import dev.reckon.domain.pricing.ModelPrice;
import dev.reckon.domain.pricing.PriceTable;
import dev.reckon.domain.shared.Money;
import dev.reckon.domain.usage.Attribution;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Groups daily usage and billed cost into a spend report. Pure: no clock, no I/O. */
public final class SpendCalculator {

  private final PriceTable prices;

  public SpendCalculator(PriceTable prices) {
    this.prices = prices;
  }

  /** Builds the report; {@code names} maps provider ids (projects, API keys) to display names. */
  public SpendReport calculate(
      LocalDate from,
      LocalDate to,
      ZoneId zone,
      GroupBy groupBy,
      List<DailyUsage> usage,
      List<DailyCost> costs,
      Map<String, String> names) {
    Map<String, Group> groups = new LinkedHashMap<>();
    TreeSet<String> unpriced = new TreeSet<>();
    Money totalBilled = Money.zeroUsd();
    Money totalEstimated = Money.zeroUsd();
    EstimateStatus totalStatus = EstimateStatus.NO_USAGE;

    for (DailyUsage day : usage) {
      Group group = groups.computeIfAbsent(usageGroup(groupBy, day), Group::new);
      Optional<ModelPrice> price = prices.find(day.provider(), day.model());
      EstimateStatus status = price.isPresent() ? EstimateStatus.COMPLETE : EstimateStatus.UNPRICED;
      if (price.isPresent()) {
        Money estimate = price.get().cost(day.tokens());
        group.estimated = group.estimated == null ? estimate : group.estimated.plus(estimate);
        totalEstimated = totalEstimated.plus(estimate);
      } else {
        unpriced.add(day.provider().id() + "/" + day.model());
      }
      group.status = group.status.combine(status);
      totalStatus = totalStatus.combine(status);
      group.inputTokens = Math.addExact(group.inputTokens, day.tokens().totalInput());
      group.outputTokens = Math.addExact(group.outputTokens, day.tokens().output());
      if (day.requests() != null) {
        group.requests = (group.requests == null ? 0 : group.requests) + day.requests();
      }
    }

    for (DailyCost cost : costs) {
      Group group = groups.computeIfAbsent(costGroup(groupBy, cost), Group::new);
      group.billed = group.billed == null ? cost.amount() : group.billed.plus(cost.amount());
      totalBilled = totalBilled.plus(cost.amount());
    }

    List<SpendRow> rows = new ArrayList<>();
    for (Group group : groups.values()) {
      rows.add(group.toRow(names.get(group.key)));
    }
    rows.sort(order(groupBy));
    return new SpendReport(
        from,
        to,
        zone,
        groupBy,
        prices.version(),
        rows,
        totalBilled,
        totalEstimated,
        totalStatus,
        List.copyOf(unpriced));
  }

  private static String usageGroup(GroupBy groupBy, DailyUsage usage) {
    return switch (groupBy) {
      case DAY -> usage.day().toString();
      case MODEL -> usage.model();
      case PROVIDER -> usage.provider().id();
      case API_KEY -> usage.apiKey();
      case PROJECT -> usage.project();
    };
  }

  private static String costGroup(GroupBy groupBy, DailyCost cost) {
    return switch (groupBy) {
      case DAY -> cost.day().toString();
      case MODEL -> cost.model();
      case PROVIDER -> cost.provider().id();
      // No provider cost endpoint splits billed cost by API key.
      case API_KEY -> Attribution.NONE;
      case PROJECT -> cost.project();
    };
  }

  private static Comparator<SpendRow> order(GroupBy groupBy) {
    if (groupBy == GroupBy.DAY) {
      return Comparator.comparing(SpendRow::group);
    }
    Comparator<SpendRow> byBilled =
        Comparator.comparing(
            row -> row.billed() == null ? null : row.billed().amount(),
            Comparator.nullsLast(Comparator.reverseOrder()));
    Comparator<SpendRow> byEstimated =
        Comparator.comparing(
            row -> row.estimated() == null ? null : row.estimated().amount(),
            Comparator.nullsLast(Comparator.reverseOrder()));
    return byBilled.thenComparing(byEstimated).thenComparing(SpendRow::group);
  }

  private static final class Group {
    final String key;
    Money billed;
    Money estimated;
    EstimateStatus status = EstimateStatus.NO_USAGE;
    long inputTokens;
    long outputTokens;
    Long requests;

    Group(String key) {
      this.key = key;
    }

    SpendRow toRow(String label) {
      return new SpendRow(
          key, label, billed, estimated, status, inputTokens, outputTokens, requests);
    }
  }
}
