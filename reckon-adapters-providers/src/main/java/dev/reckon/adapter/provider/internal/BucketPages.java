package dev.reckon.adapter.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.usage.BucketWidth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a page of time buckets, the envelope both providers' usage and cost reports share: {@code
 * data} (buckets, oldest first), {@code has_more} and {@code next_page}.
 */
public final class BucketPages {

  private BucketPages() {}

  /**
   * Field names of one report format.
   *
   * @param epochSeconds whether bucket bounds are Unix seconds (OpenAI) rather than RFC 3339
   * @param rowArrays names of the bucket's row array, first match wins (OpenAI once used {@code
   *     result}, now {@code results})
   */
  public record Layout(
      String startField, String endField, boolean epochSeconds, List<String> rowArrays) {}

  /** Reads one row of a bucket. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(JsonFields fields, JsonNode row, Instant bucketStart, String where);
  }

  /**
   * Reads every bucket on the page, rejecting a bucket that is not one aligned width long or does
   * not start inside the requested window.
   */
  public static <T> Page<T> read(
      JsonResponse response,
      Layout layout,
      BucketWidth width,
      TimeWindow window,
      RowReader<T> rows) {
    JsonFields fields = new JsonFields(response);
    JsonNode body = response.body();
    List<T> items = new ArrayList<>();
    Instant coveredUntil = null;
    for (JsonNode bucket : fields.requireArray(body, "data", "the page")) {
      Instant start = bound(fields, bucket, layout.startField(), layout);
      Instant end = bound(fields, bucket, layout.endField(), layout);
      String where = "bucket " + start;
      requireBucket(response, start, end, width, window, where);
      int index = 0;
      for (JsonNode row : rowArray(fields, bucket, layout, where)) {
        items.add(rows.read(fields, row, start, where + ", row " + index++));
      }
      coveredUntil = end;
    }

    boolean hasMore = fields.requireBoolean(body, "has_more", "the page");
    String next = fields.optionalText(body, "next_page", "the page");
    return new Page<>(items, hasMore, next, coveredUntil, response);
  }

  private static Instant bound(JsonFields fields, JsonNode bucket, String field, Layout layout) {
    return layout.epochSeconds()
        ? fields.requireEpochSeconds(bucket, field, "a bucket")
        : fields.requireTimestamp(bucket, field, "a bucket");
  }

  private static JsonNode rowArray(
      JsonFields fields, JsonNode bucket, Layout layout, String where) {
    for (String name : layout.rowArrays()) {
      if (bucket.has(name)) {
        return fields.requireArray(bucket, name, where);
      }
    }
    return fields.requireArray(bucket, layout.rowArrays().get(0), where);
  }

  private static void requireBucket(
      JsonResponse response,
      Instant start,
      Instant end,
      BucketWidth width,
      TimeWindow window,
      String where) {
    if (!width.isAligned(start) || !end.equals(start.plus(width.length()))) {
      throw response.invalid(
          where + " ending " + end + " is not one aligned " + width.wireName() + " bucket");
    }
    if (!window.contains(start)) {
      throw response.invalid(where + " is outside the requested window " + window);
    }
  }
}
