package dev.reckon.sandbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses Anthropic's {@code starting_at} and {@code ending_at} into the buckets of a query. */
final class AnthropicWindow {

  /** The message of Anthropic's rejection of a window that contains no complete bucket. */
  static final String INVALID_RANGE = "Invalid date range: ending date must be after starting date";

  private AnthropicWindow() {}

  /**
   * Returns the whole buckets from {@code starting_at}, snapped down to a bucket boundary, that end
   * at or before {@code ending_at}, which defaults to now. An end after now is rejected so clients
   * must clamp their windows.
   */
  static BucketSequence buckets(QueryParams query, Instant now, BucketWidth width) {
    Instant start =
        instant(query, "starting_at")
            .orElseThrow(
                () -> ApiError.invalid("starting_at", "Missing required parameter: 'starting_at'"));
    Optional<Instant> endParam = instant(query, "ending_at");
    Instant end = endParam.orElse(now);
    if (end.isAfter(now)) {
      throw ApiError.invalid(
          "ending_at",
          "'ending_at' must not be in the future (was " + end + ", now is " + now + ")");
    }
    if (!start.isBefore(end)) {
      throw ApiError.invalid("ending_at", INVALID_RANGE);
    }
    return BucketSequence.wholeBuckets(
        start.getEpochSecond(), end.getEpochSecond(), width.seconds());
  }

  private static Optional<Instant> instant(QueryParams query, String name) {
    Optional<String> text = query.single(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
    } catch (DateTimeParseException e) {
      throw ApiError.invalid(
          name,
          "Invalid value for '"
              + name
              + "': expected an RFC 3339 date-time such as 2026-03-02T00:00:00Z (was '"
              + text.get()
              + "')");
    }
  }
}
