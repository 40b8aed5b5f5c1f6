package dev.reckon.ports.service;

import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.usage.BucketWidth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splits the window one ingestion run fetches for one dataset into transaction-sized chunks. */
final class WindowPlanner {

  private WindowPlanner() {}

  /**
   * Returns the chunks from the watermark minus the look-back (or from the backfill start when
   * there is no watermark) to the last complete bucket before {@code now}, never reaching back
   * further than {@code backfillDays} and never into the future.
   */
  static List<TimeWindow> plan(
      Optional<Instant> watermark,
      Instant now,
      BucketWidth width,
      Duration lookBack,
      int backfillDays,
      Duration chunk) {
    Instant end = width.alignDown(now);
    // The backfill covers backfillDays calendar days (UTC), today included.
    Instant earliest = BucketWidth.DAY.alignDown(now).minus(Duration.ofDays(backfillDays - 1L));
    Instant start = watermark.map(mark -> width.alignDown(mark.minus(lookBack))).orElse(earliest);
    if (start.isBefore(earliest)) {
      start = earliest;
    }
    List<TimeWindow> chunks = new ArrayList<>();
    while (start.isBefore(end)) {
      Instant chunkEnd = start.plus(chunk);
      if (chunkEnd.isAfter(end)) {
        chunkEnd = end;
      }
      chunks.add(new TimeWindow(start, chunkEnd));
      start = chunkEnd;
    }
    return chunks;
  }
}
