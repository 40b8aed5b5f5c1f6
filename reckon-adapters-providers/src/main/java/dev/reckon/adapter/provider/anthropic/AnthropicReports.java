package dev.reckon.adapter.provider.anthropic;

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

/** Maps rows of Anthropic's messages usage report and cost report to domain buckets. */
final class AnthropicReports {

  static final BucketPages.Layout LAYOUT =
      new BucketPages.Layout("starting_at", "ending_at", false, List.of("results"));

  private AnthropicReports() {}

  /**
   * Maps a messages usage row. Cache writes sit in the nested {@code cache_creation} object, so a
   * row without it is rejected rather than read as zero writes. The report has no request count.
   */
  static UsageBucket usageRow(JsonFields fields, JsonNode row, Instant start, String where) {
    JsonNode cacheCreation = fields.requireObject(row, "cache_creation", where);
    TokenCounts tokens =
        new TokenCounts(
            fields.requireCount(row, "uncached_input_tokens", where),
            fields.requireCount(row, "cache_read_input_tokens", where),
            fields.requireCount(cacheCreation, "ephemeral_5m_input_tokens", where),
            fields.requireCount(cacheCreation, "ephemeral_1h_input_tokens", where),
            fields.requireCount(row, "output_tokens", where));

    return new UsageBucket(
        Provider.ANTHROPIC,
        start,
        BucketWidth.HOUR,
        fields.optionalText(row, "model", where),
        fields.optionalText(row, "workspace_id", where),
        fields.optionalText(row, "api_key_id", where),
        fields.optionalText(row, "service_tier", where),
        tokens,
        null);
  }

  /**
   * Maps a cost row. {@code amount} is a decimal string in cents with fractional cents allowed
   * ({@code "84572.40"} is 845.7240 USD), so it is shifted two places exactly, never divided in
   * binary floating point.
   */
  static CostBucket costRow(JsonFields fields, JsonNode row, Instant start, String where) {
    BigDecimal cents = fields.requireDecimal(row, "amount", where);
    String currency = fields.requireText(row, "currency", where);
    if (!"usd".equalsIgnoreCase(currency)) {
      throw fields.response().invalid(where + " has an amount in a currency other than USD");
    }

    return new CostBucket(
        Provider.ANTHROPIC,
        start,
        fields.optionalText(row, "workspace_id", where),
        fields.optionalText(row, "description", where),
        fields.optionalText(row, "model", where),
        fields.optionalText(row, "token_type", where),
        fields.optionalText(row, "service_tier", where),
        Money.usd(cents.movePointLeft(2)));
  }
}
