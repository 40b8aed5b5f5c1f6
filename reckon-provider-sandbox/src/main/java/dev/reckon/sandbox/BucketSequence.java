package dev.reckon.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The buckets of one query: they start at {@code first}, then follow the width's boundaries, and
 * the last one ends at {@code limit}.
 */
final class BucketSequence {

  private final long first;
  private final long limit;
  private final long width;

  private BucketSequence(long first, long limit, long width) {
    this.first = first;
    this.limit = Math.max(first, limit);
    this.width = width;
  }

  /**
   * Returns OpenAI's buckets: an unaligned start gives a first bucket that ends at the next
   * boundary, and an unaligned end gives a last bucket cut at that end.
   */
  static BucketSequence exactWindow(long start, long end, long width) {
    return new BucketSequence(start, end, width);
  }

  /**
   * Returns Anthropic's buckets: the start snaps down to a boundary and only whole buckets count.
   */
  static BucketSequence wholeBuckets(long start, long end, long width) {
    return new BucketSequence(Bucket.alignDown(start, width), Bucket.alignDown(end, width), width);
  }

  long first() {
    return first;
  }

  boolean isEmpty() {
    return first >= limit;
  }

  /** Tells whether a bucket of this sequence starts at {@code position}. */
  boolean startsBucketAt(long position) {
    return position == first || (position > first && position < limit && position % width == 0);
  }

  /** Returns up to {@code count} buckets from {@code position} and where the next page starts. */
  Page page(long position, int count) {
    List<Bucket> buckets = new ArrayList<>();
    long start = position;
    while (start < limit && buckets.size() < count) {
      long end = Math.min(Bucket.alignDown(start, width) + width, limit);
      buckets.add(new Bucket(start, end));
      start = end;
    }
    return new Page(List.copyOf(buckets), start < limit ? start : null);
  }

  /**
   * One page of buckets.
   *
   * @param next the start of the first bucket of the next page, or null on the last page
   */
  record Page(List<Bucket> buckets, Long next) {}
}
