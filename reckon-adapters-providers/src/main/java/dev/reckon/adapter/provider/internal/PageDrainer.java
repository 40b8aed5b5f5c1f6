package dev.reckon.adapter.provider.internal;

import dev.reckon.ports.out.FetchProgress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Follows a provider's page cursors until the last page, so callers never store a partial total.
 *
 * <p>A repeated cursor, {@code has_more} without a cursor, or more pages than the cap fail the
 * whole fetch, because any of them would otherwise loop forever or undercount silently.
 */
public final class PageDrainer {

  /** Generous: a year of hourly buckets at the 168-bucket page limit is 53 pages. */
  public static final int DEFAULT_MAX_PAGES = 10_000;

  private final int maxPages;

  public PageDrainer(int maxPages) {
    if (maxPages < 1) {
      throw new IllegalArgumentException("'maxPages' must be at least 1 (was " + maxPages + ")");
    }
    this.maxPages = maxPages;
  }

  /**
   * Fetches pages until one has {@code has_more} false.
   *
   * @param fetchPage fetches and parses the page for a cursor, null for the first page
   * @param progress receives the end of the last bucket received after each page that has buckets
   */
  public <T> List<T> drain(Function<String, Page<T>> fetchPage, FetchProgress progress) {
    List<T> all = new ArrayList<>();
    Set<String> seenCursors = new HashSet<>();
    String cursor = null;
    for (int pages = 1; ; pages++) {
      Page<T> page = fetchPage.apply(cursor);
      all.addAll(page.items());
      if (page.coveredUntil() != null) {
        progress.pageFetched(page.coveredUntil());
      }

      if (!page.hasMore()) {
        return all;
      }
      cursor = nextCursor(page, seenCursors);
      if (pages >= maxPages) {
        throw page.response().invalid("the provider returned more than " + maxPages + " pages");
      }
    }
  }

  private static String nextCursor(Page<?> page, Set<String> seenCursors) {
    String cursor = page.nextCursor();
    if (cursor == null || cursor.isEmpty()) {
      throw page.response().invalid("the page has has_more true but no cursor for the next page");
    }
    if (!seenCursors.add(cursor)) {
      throw page.response().invalid("the provider repeated a page cursor");
    }
    return cursor;
  }
}
