package dev.reckon.adapter.provider.internal;

import java.time.Instant;
import java.util.List;

/**
 * One parsed page of a paginated provider list.
 *
 * @param items the values read from the page
 * @param hasMore the provider's {@code has_more} flag
 * @param nextCursor the cursor for the next page, null when the provider sent none
 * @param coveredUntil the end of the last bucket on the page, null for pages without buckets
 * @param response the response the page was read from, for error details
 */
public record Page<T>(
    List<T> items,
    boolean hasMore,
    String nextCursor,
    Instant coveredUntil,
    JsonResponse response) {

  public Page {
    items = List.copyOf(items);
  }
}
