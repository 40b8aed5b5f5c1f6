package dev.reckon.adapter.provider.internal;

import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.usage.BucketWidth;
import java.time.Instant;

/** Checks the windows callers ask for and sizes the page {@code limit} parameter. */
public final class FetchWindows {

  private FetchWindows() {}

  /**
   * Rejects a window that is not aligned to the bucket width or ends after now, because providers
   * return partial buckets for unaligned starts and fail or return open buckets for future ends.
   */
  public static void requireFetchable(TimeWindow window, BucketWidth width, Instant now) {
    if (!width.isAligned(window.start()) || !width.isAligned(window.end())) {
      String unit = width == BucketWidth.HOUR ? "whole UTC hours" : "UTC midnights";
      throw new IllegalArgumentException(
          "'window' must start and end on " + unit + " (was " + window + ")");
    }
    if (window.end().isAfter(now)) {
      throw new IllegalArgumentException(
          "'window' must not end after now (was " + window + ", now is " + now + ")");
    }
  }

  /** Returns the number of buckets in the window, clamped to the endpoint's page maximum. */
  public static int pageLimit(TimeWindow window, BucketWidth width, int maxPerPage) {
    long buckets = window.length().dividedBy(width.length());
    return (int) Math.max(1, Math.min(buckets, maxPerPage));
  }
}
