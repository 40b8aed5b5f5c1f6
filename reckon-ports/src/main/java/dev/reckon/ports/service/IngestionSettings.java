package dev.reckon.ports.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How far ingestion reaches back.
 *
 * @param maxBackfillDays cap on the first-connect backfill; the plan's retention applies too
 * @param usageLookBack how much recent usage is fetched again on every run, because providers
 *     revise recent buckets
 * @param costLookBack the same for cost, which providers revise for longer
 * @param chunk the longest window fetched and stored in one transaction
 */
public record IngestionSettings(
    int maxBackfillDays, Duration usageLookBack, Duration costLookBack, Duration chunk) {

  /** Two days of usage and seven of cost are fetched again on every run. */
  public static final IngestionSettings DEFAULTS =
      new IngestionSettings(365, Duration.ofHours(48), Duration.ofDays(7), Duration.ofDays(31));

  public IngestionSettings {
    Objects.requireNonNull(usageLookBack, "usageLookBack");
    Objects.requireNonNull(costLookBack, "costLookBack");
    Objects.requireNonNull(chunk, "chunk");
    if (maxBackfillDays < 1) {
      throw new IllegalArgumentException(
          "'maxBackfillDays' must be at least 1 (was " + maxBackfillDays + ")");
    }
    if (chunk.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException("'chunk' must be at least one day (was " + chunk + ")");
    }
  }

  public IngestionSettings withMaxBackfillDays(int days) {
    return new IngestionSettings(days, usageLookBack, costLookBack, chunk);
  }
}
