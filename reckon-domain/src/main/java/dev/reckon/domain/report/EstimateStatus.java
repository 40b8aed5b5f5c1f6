package dev.reckon.domain.report;

/** How much of a group's token usage the price table could price. */
public enum EstimateStatus {
  /** Every model in the group has a price. */
  COMPLETE("complete"),
  /** Some models have no price, so the estimate is a lower bound. */
  PARTIAL("partial"),
  /** No model in the group has a price; the estimate is unknown, not zero. */
  UNPRICED("unpriced"),
  /** The group has no token usage, only billed cost. */
  NO_USAGE("no_usage");

  private final String id;

  EstimateStatus(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  EstimateStatus combine(EstimateStatus other) {
    if (this == NO_USAGE) {
      return other;
    }
    if (other == NO_USAGE || other == this) {
      return this;
    }
    return PARTIAL;
  }
}
