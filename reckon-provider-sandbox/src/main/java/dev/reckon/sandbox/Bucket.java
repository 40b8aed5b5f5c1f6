package dev.reckon.sandbox;

/** A half-open time bucket {@code [start, end)} in epoch seconds. */
record Bucket(long start, long end) {

  static final long HOUR = 3_600;
  static final long DAY = 86_400;

  Bucket {
    if (end <= start) {
      throw new IllegalArgumentException(
          "'end' must be after 'start' (was start " + start + ", end " + end + ")");
    }
  }

  static long alignDown(long epochSecond, long width) {
    return Math.floorDiv(epochSecond, width) * width;
  }

  static long alignUp(long epochSecond, long width) {
    return -Math.floorDiv(-epochSecond, width) * width;
  }
}
