package dev.reckon.domain.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open UTC interval {@code [start, end)}. */
public record TimeWindow(Instant start, Instant end) {

  public TimeWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "'start' must be before 'end' (was " + start + " and " + end + ")");
    }
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
