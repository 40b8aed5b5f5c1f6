package dev.reckon.sandbox;

import java.time.Instant;
import java.util.OptionalLong;

/** Parses OpenAI's {@code start_time} and {@code end_time} into the buckets of a query. */
final class OpenAiWindow {

  private OpenAiWindow() {}

  /**
   * Returns the buckets from {@code start_time} to {@code end_time}, which defaults to now. An end
   * after now is rejected so clients must clamp their windows.
   */
  static BucketSequence buckets(QueryParams query, Instant now, BucketWidth width) {
    long nowSecond = now.getEpochSecond();
    OptionalLong startParam = query.optionalLong("start_time");
    if (startParam.isEmpty()) {
      throw ApiError.invalid("start_time", "Missing required parameter: 'start_time'");
    }
    long start = startParam.getAsLong();
    if (start < 0) {
      throw ApiError.invalid("start_time", "'start_time' must not be negative (was " + start + ")");
    }

    OptionalLong endParam = query.optionalLong("end_time");
    long end = endParam.orElse(nowSecond);
    if (end > nowSecond) {
      throw ApiError.invalid(
          "end_time",
          "'end_time' must not be in the future (was " + end + ", now is " + nowSecond + ")");
    }
    if (end <= start) {
      String endName = endParam.isPresent() ? "end_time" : "now";
      throw ApiError.invalid(
          endParam.isPresent() ? "end_time" : "start_time",
          "'start_time' must be before '"
              + endName
              + "' (was start_time "
              + start
              + ", "
              + endName
              + " "
              + end
              + ")");
    }
    return BucketSequence.exactWindow(start, end, width.seconds());
  }
}
