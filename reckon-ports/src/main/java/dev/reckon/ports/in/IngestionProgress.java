package dev.reckon.ports.in;

import dev.reckon.domain.key.KeyHint;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.usage.Dataset;

/** Receives progress of a long ingestion: which key, which dataset, how many days are done. */
@FunctionalInterface
public interface IngestionProgress {

  IngestionProgress NONE = event -> {};

  void report(Event event);

  /**
   * Tells which window of a dataset is about to be fetched, so that a caller can name it when the
   * run fails there. Does nothing by default.
   */
  default void windowStarted(Dataset dataset, TimeWindow window) {}

  /** Progress of one dataset of one key: {@code daysDone} of {@code daysTotal}. */
  record Event(
      ProviderKeyId keyId,
      Provider provider,
      KeyHint hint,
      Dataset dataset,
      long daysDone,
      long daysTotal) {}
}
