package dev.reckon.domain.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Width of a provider time bucket. Buckets are aligned to UTC boundaries. */
public enum BucketWidth {
  HOUR("1h", Duration.ofHours(1), ChronoUnit.HOURS),
  DAY("1d", Duration.ofDays(1), ChronoUnit.DAYS);

  private final String wireName;
  private final Duration length;
  private final ChronoUnit unit;

  BucketWidth(String wireName, Duration length, ChronoUnit unit) {
    this.wireName = wireName;
    this.length = length;
    this.unit = unit;
  }

  /** Returns the value both providers accept in their {@code bucket_width} parameter. */
  public String wireName() {
    return wireName;
  }

  public Duration length() {
    return length;
  }

  /** Returns the start of the UTC bucket containing the instant. */
  public Instant alignDown(Instant instant) {
    return instant.truncatedTo(unit);
  }

  public boolean isAligned(Instant instant) {
    return alignDown(instant).equals(instant);
  }
}
