package dev.reckon.ports.in;

import dev.reckon.domain.shared.ProviderKeyId;

/**
 * Outcome and row counts of one ingestion run. {@code detail} is null when the run went fully
 * normally. Otherwise it is a reason safe to show admins: why the key was rejected or skipped, or
 * that display names could not be refreshed although usage and cost were.
 */
public record IngestionResult(
    ProviderKeyId keyId, Outcome outcome, long usageRows, long costRows, String detail) {

  /** The way a run ended. */
  public enum Outcome {
    /** Every window was fetched and stored. */
    INGESTED,
    /** The provider rejected the key; it is now marked as needing attention. */
    KEY_REJECTED,
    /** The key is not active, so nothing was polled. */
    SKIPPED
  }
}
