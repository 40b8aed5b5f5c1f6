package dev.reckon.adapter.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reckon.adapter.provider.internal.BucketPages;
import dev.reckon.adapter.provider.internal.JsonFields;
import dev.reckon.domain.shared.Money;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.usage.BucketWidth;
import dev.reckon.domain.usage.CostBucket;
import dev.reckon.domain.usage.TokenCounts;
import dev.reckon.domain.usage.UsageBucket;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Maps rows of OpenAI's completions usage and costs reports to domain buckets. */
final class OpenAiReports {

  /** The bucket array was named {@code result} in the December 2024 spec, {@code results} since. */
  static final BucketPages.Layout LAYOUT =
      new BucketPages.Layout("start_time", "end_time", true, List.of("results", "result"));

  private OpenAiReports() {}

  /**
   * Maps a completions usage row. {@code input_tokens} includes cached and cache-write tokens, so
   * rows from before OpenAI added {@code input_uncached_tokens} get the uncached count by
   * subtraction. OpenAI has one cache-write kind, stored as the 5-minute kind.
   */
  static UsageBucket usageRow(JsonFields fields, JsonNode row, Instant start, String where) {
    long input = fields.requireCount(row, "input_tokens", where);
    long cached = orZero(fields.optionalCount(row, "input_cached_tokens", where));
    long cacheWrite = orZero(fields.optionalCount(row, "input_cache_write_tokens", where));
    Long reportedUncached = fields.optionalCount(row, "input_uncached_tokens", where);
    long uncached = reportedUncached != null ? reportedUncached : input - cached - cacheWrite;
    if (uncached < 0) {
      throw fields
          .response()
          .invalid(where + " has fewer 'input_tokens' than cached and cache-write tokens together");
    }

    TokenCounts tokens =
        new TokenCounts(
            uncached, cached, cacheWrite, 0, fields.requireCount(row, "output_tokens", where));
    return new UsageBucket(
        Provider.OPENAI,
        start,
        BucketWidth.HOUR,
        fields.optionalText(row, "model", where),
        fields.optionalText(row, "project_id", where),
        fields.optionalText(row, "api_key_id", where),
        fields.optionalText(row, "service_tier", where),
        tokens,
        fields.requireCount(row, "num_model_requests", where));
  }

  /** Maps a costs row, whose {@code amount.value} is a JSON number in dollars. */
  static CostBucket costRow(JsonFields fields, JsonNode row, Instant start, String where) {
    JsonNode amount = fields.requireObject(row, "amount", where);
    BigDecimal value = fields.requireDecimal(amount, "value", where + ", amount");
    String currency = fields.requireText(amount, "currency", where + ", amount");
    if (!"usd".equalsIgnoreCase(currency)) {
      throw fields.response().invalid(where + " has an amount in a currency other than USD");
    }

    return new CostBucket(
        Provider.OPENAI,
        start,
        fields.optionalText(row, "project_id", where),
        fields.optionalText(row, "line_item", where),
        null,
        null,
        null,
        Money.usd(value));
  }

  private static long orZero(Long count) {
    return count == null ? 0 : count;
  }
}
