package dev.reckon.domain.report;

import dev.reckon.domain.shared.Money;
import java.util.Objects;

/**
 * One group of a spend report.
 *
 * <p>{@code label} is the provider's name for the grouped id, or null when unknown. {@code billed}
 * is null when no cost data can be attributed to this group (for example per API key, which no cost
 * endpoint splits by). {@code estimated} is null when nothing in the group could be priced. {@code
 * requests} is null when no provider in the group reports request counts.
 */
public record SpendRow(
    String group,
    String label,
    Money billed,
    Money estimated,
    EstimateStatus estimateStatus,
    long inputTokens,
    long outputTokens,
    Long requests) {

  public SpendRow {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(estimateStatus, "estimateStatus");
  }
}
