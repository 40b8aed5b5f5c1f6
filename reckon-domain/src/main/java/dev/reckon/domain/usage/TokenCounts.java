package dev.reckon.domain.usage;

/**
 * Token counts of one usage bucket, split the way providers price them.
 *
 * <p>{@code uncachedInput + cachedInput + cacheWrite5m + cacheWrite1h} is all input. Counts are
 * 64-bit because organization-wide daily totals pass 2^31, and negative counts are rejected.
 */
public record TokenCounts(
    long uncachedInput, long cachedInput, long cacheWrite5m, long cacheWrite1h, long output) {

  public static final TokenCounts ZERO = new TokenCounts(0, 0, 0, 0, 0);

  public TokenCounts {
    requireNotNegative("uncachedInput", uncachedInput);
    requireNotNegative("cachedInput", cachedInput);
    requireNotNegative("cacheWrite5m", cacheWrite5m);
    requireNotNegative("cacheWrite1h", cacheWrite1h);
    requireNotNegative("output", output);
  }

  public long totalInput() {
    return Math.addExact(
        Math.addExact(uncachedInput, cachedInput), Math.addExact(cacheWrite5m, cacheWrite1h));
  }

  public TokenCounts plus(TokenCounts other) {
    return new TokenCounts(
        Math.addExact(uncachedInput, other.uncachedInput),
        Math.addExact(cachedInput, other.cachedInput),
        Math.addExact(cacheWrite5m, other.cacheWrite5m),
        Math.addExact(cacheWrite1h, other.cacheWrite1h),
        Math.addExact(output, other.output));
  }

  private static void requireNotNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("'" + name + "' must not be negative (was " + value + ")");
    }
  }
}
