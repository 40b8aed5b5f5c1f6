package dev.reckon.ports.out;

import java.time.Instant;

/** Told after each page of a provider fetch how far through the window the fetch has come. */
@FunctionalInterface
public interface FetchProgress {

  FetchProgress NONE = coveredUntil -> {};

  /** Called with the end of the last bucket received so far. */
  void pageFetched(Instant coveredUntil);
}
