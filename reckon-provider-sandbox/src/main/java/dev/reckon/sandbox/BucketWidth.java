package dev.reckon.sandbox;

import java.util.Arrays;
import java.util.Optional;

/**
 * A {@code bucket_width} value with the page-size limits that both providers' usage endpoints apply
 * to it.
 */
enum BucketWidth {
  MINUTE("1m", 60, 60, 1_440),
  HOUR("1h", Bucket.HOUR, 24, 168),
  DAY("1d", Bucket.DAY, 7, 31);

  private final String label;
  private final long seconds;
  private final int defaultUsageLimit;
  private final int maxUsageLimit;

  BucketWidth(String label, long seconds, int defaultUsageLimit, int maxUsageLimit) {
    this.label = label;
    this.seconds = seconds;
    this.defaultUsageLimit = defaultUsageLimit;
    this.maxUsageLimit = maxUsageLimit;
  }

  static Optional<BucketWidth> fromLabel(String label) {
    return Arrays.stream(values()).filter(width -> width.label.equals(label)).findFirst();
  }

  String label() {
    return label;
  }

  long seconds() {
    return seconds;
  }

  int defaultUsageLimit() {
    return defaultUsageLimit;
  }

  int maxUsageLimit() {
    return maxUsageLimit;
  }
}
