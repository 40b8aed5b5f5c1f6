package dev.reckon.adapter.postgres;

import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.ports.out.WindowScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Checks a batch of buckets against its window and splits it into statements of bounded size. */
final class WindowBatches {

  private WindowBatches() {}

  /** One statement's share of a batch: the buckets starting inside {@code span}, and only those. */
  record Chunk<B>(TimeWindow span, List<B> buckets) {}

  /** How to read the start, provider and unique key of one kind of bucket. */
  record Shape<B>(
      Function<B, Instant> start, Function<B, Provider> provider, Function<B, Object> key) {}

  static <B> void requireValid(WindowScope scope, List<B> buckets, Shape<B> shape) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(buckets, "buckets");
    Set<Object> keys = new HashSet<>();
    for (B bucket : buckets) {
      Objects.requireNonNull(bucket, "bucket");
      Provider provider = shape.provider().apply(bucket);
      if (provider != scope.provider()) {
        throw new IllegalArgumentException(
            "'buckets' must all be of provider "
                + scope.provider().id()
                + " (was "
                + provider.id()
                + ")");
      }
      Instant start = shape.start().apply(bucket);
      if (!scope.window().contains(start)) {
        throw new IllegalArgumentException(
            "'buckets' must start inside the window "
                + scope.window()
                + " (was a bucket starting at "
                + start
                + ")");
      }
      Object key = shape.key().apply(bucket);
      if (!keys.add(key)) {
        throw new IllegalArgumentException(
            "'buckets' must be unique by key (was " + key + " twice)");
      }
    }
  }

  /**
   * Splits the window into consecutive spans of at most {@code maxRows} buckets each, except that a
   * span contains all buckets of one start time even when they alone are more. The spans cover the
   * whole window, so deleting what each span's statement did not write deletes exactly what the
   * whole batch did not write.
   */
  static <B> List<Chunk<B>> split(
      TimeWindow window, List<B> buckets, Function<B, Instant> start, int maxRows) {
    List<B> sorted = new ArrayList<>(buckets);
    sorted.sort(Comparator.comparing(start));
    List<Chunk<B>> chunks = new ArrayList<>();
    Instant spanStart = window.start();
    int from = 0;
    int groupStart = 0;
    while (groupStart < sorted.size()) {
      int groupEnd = endOfGroup(sorted, start, groupStart);
      boolean spanHasRows = groupStart > from;
      if (spanHasRows && groupEnd - from > maxRows) {
        Instant next = start.apply(sorted.get(groupStart));
        chunks.add(new Chunk<>(new TimeWindow(spanStart, next), sorted.subList(from, groupStart)));
        spanStart = next;
        from = groupStart;
      }
      groupStart = groupEnd;
    }
    chunks.add(
        new Chunk<>(new TimeWindow(spanStart, window.end()), sorted.subList(from, sorted.size())));
    return chunks;
  }

  /** Returns the index after the last bucket with the same start as the one at {@code index}. */
  private static <B> int endOfGroup(List<B> sorted, Function<B, Instant> start, int index) {
    Instant groupStart = start.apply(sorted.get(index));
    int end = index + 1;
    while (end < sorted.size() && start.apply(sorted.get(end)).equals(groupStart)) {
      end++;
    }
    return end;
  }
}
