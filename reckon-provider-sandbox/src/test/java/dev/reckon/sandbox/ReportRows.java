package dev.reckon.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads usage and cost rows from parsed response pages, with plain JSON access only. */
final class ReportRows {

  private ReportRows() {}

  /** Returns the buckets of all pages in order. */
  static List<JsonNode> buckets(List<JsonNode> pages) {
    List<JsonNode> buckets = new ArrayList<>();
    pages.forEach(page -> page.get("data").forEach(buckets::add));
    return buckets;
  }

  /** Converts a usage row of either provider into the sandbox's token totals. */
  static TokenTotals totals(SandboxProvider provider, JsonNode row) {
    if (provider == SandboxProvider.OPENAI) {
      return new TokenTotals(
          row.get("input_uncached_tokens").asLong(),
          row.get("input_cached_tokens").asLong(),
          row.get("input_cache_write_tokens").asLong(),
          0,
          row.get("output_tokens").asLong(),
          row.get("num_model_requests").asLong(),
          0);
    }
    JsonNode cacheCreation = row.get("cache_creation");
    return new TokenTotals(
        row.get("uncached_input_tokens").asLong(),
        row.get("cache_read_input_tokens").asLong(),
        cacheCreation.get("ephemeral_5m_input_tokens").asLong(),
        cacheCreation.get("ephemeral_1h_input_tokens").asLong(),
        row.get("output_tokens").asLong(),
        0,
        row.get("server_tool_use").get("web_search_requests").asLong());
  }

  /** Returns the sum of the usage rows of a bucket. */
  static TokenTotals bucketTotals(SandboxProvider provider, JsonNode bucket) {
    TokenTotals sum = TokenTotals.ZERO;
    for (JsonNode row : bucket.get("results")) {
      sum = sum.plus(totals(provider, row));
    }
    return sum;
  }

  /** Returns a cost row's amount in US dollars. */
  static BigDecimal dollars(SandboxProvider provider, JsonNode row) {
    if (provider == SandboxProvider.OPENAI) {
      return row.get("amount").get("value").decimalValue();
    }
    return new BigDecimal(row.get("amount").asText()).movePointLeft(2);
  }

  static BigDecimal bucketDollars(SandboxProvider provider, JsonNode bucket) {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode row : bucket.get("results")) {
      sum = sum.add(dollars(provider, row));
    }
    return sum;
  }

  static Instant start(SandboxProvider provider, JsonNode bucket) {
    if (provider == SandboxProvider.OPENAI) {
      return Instant.ofEpochSecond(bucket.get("start_time").asLong());
    }
    return Instant.parse(bucket.get("starting_at").asText());
  }

  static LocalDate day(SandboxProvider provider, JsonNode bucket) {
    return LocalDate.ofInstant(start(provider, bucket), ZoneOffset.UTC);
  }
}
