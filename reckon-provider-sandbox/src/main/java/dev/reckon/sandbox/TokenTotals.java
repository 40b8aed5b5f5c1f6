package dev.reckon.sandbox;

/**
 * Token and request counts of some usage, in the sandbox's provider-neutral terms.
 *
 * <p>Input is split into disjoint parts: {@code uncachedInput} excludes both cache reads and cache
 * writes, so an OpenAI {@code input_tokens} equals {@code uncachedInput + cachedInput +
 * cacheWrite5m}. OpenAI usage has no one-hour cache writes and no web searches; Anthropic usage
 * reports no request count, so the sandbox keeps {@code requests} only for OpenAI.
 *
 * @param uncachedInput input tokens neither read from nor written to the cache
 * @param cachedInput input tokens read from the cache
 * @param cacheWrite5m input tokens written to the cache (OpenAI cache writes, Anthropic five-minute
 *     writes)
 * @param cacheWrite1h input tokens written to Anthropic's one-hour cache
 * @param output output tokens
 * @param requests model requests (OpenAI only, 0 for Anthropic)
 * @param webSearchRequests server-side web searches (Anthropic only)
 */
public record TokenTotals(
    long uncachedInput,
    long cachedInput,
    long cacheWrite5m,
    long cacheWrite1h,
    long output,
    long requests,
    long webSearchRequests) {

  /** Totals of nothing. */
  public static final TokenTotals ZERO = new TokenTotals(0, 0, 0, 0, 0, 0, 0);

  public TokenTotals {
    requireNotNegative("uncachedInput", uncachedInput);
    requireNotNegative("cachedInput", cachedInput);
    requireNotNegative("cacheWrite5m", cacheWrite5m);
    requireNotNegative("cacheWrite1h", cacheWrite1h);
    requireNotNegative("output", output);
    requireNotNegative("requests", requests);
    requireNotNegative("webSearchRequests", webSearchRequests);
  }

  /** Returns all input tokens: uncached, cache reads and both kinds of cache writes. */
  public long totalInput() {
    return uncachedInput + cachedInput + cacheWrite5m + cacheWrite1h;
  }

  /** Returns the field-by-field sum of these totals and the other ones. */
  public TokenTotals plus(TokenTotals other) {
    return new TokenTotals(
        Math.addExact(uncachedInput, other.uncachedInput),
        Math.addExact(cachedInput, other.cachedInput),
        Math.addExact(cacheWrite5m, other.cacheWrite5m),
        Math.addExact(cacheWrite1h, other.cacheWrite1h),
        Math.addExact(output, other.output),
        Math.addExact(requests, other.requests),
        Math.addExact(webSearchRequests, other.webSearchRequests));
  }

  private static void requireNotNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("'" + name + "' must not be negative (was " + value + ")");
    }
  }
}
