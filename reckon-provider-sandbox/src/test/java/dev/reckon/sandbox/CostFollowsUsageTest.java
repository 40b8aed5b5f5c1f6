package dev.reckon.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recomputes billed cost from the usage endpoint's tokens and the sandbox's rates, and compares it
 * with what the cost endpoint returns.
 */
class CostFollowsUsageTest {

  private static final long NOV_1 = 1_793_491_200L;
  private static final long NOV_15 = 1_794_700_800L;
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal HALF = new BigDecimal("0.5");

  private static final ProviderSandbox SANDBOX = SandboxHttp.start();
  private static final SandboxHttp HTTP = new SandboxHttp(SANDBOX);

  @AfterAll
  static void stop() {
    SANDBOX.close();
  }

  static Stream<SandboxAdminKey> openAiOrganizations() {
    return SANDBOX.adminKeys().stream().filter(key -> key.provider() == SandboxProvider.OPENAI);
  }

  static Stream<SandboxAdminKey> anthropicOrganizations() {
    return SANDBOX.adminKeys().stream().filter(key -> key.provider() == SandboxProvider.ANTHROPIC);
  }

  @ParameterizedTest
  @MethodSource("openAiOrganizations")
  void openAiLineItemsAreUsageTokensTimesRates(SandboxAdminKey key) {
    String window = "start_time=" + NOV_1 + "&end_time=" + NOV_15 + "&limit=14";

    List<JsonNode> usage =
        buckets(
            "/organization/usage/completions?"
                + window
                + "&group_by=model&group_by=batch&group_by=service_tier",
            key);
    List<JsonNode> costs = buckets("/organization/costs?" + window + "&group_by=line_item", key);

    assertThat(costs).hasSameSizeAs(usage).hasSize(14);
    for (int day = 0; day < usage.size(); day++) {
      Map<String, BigDecimal> expected = new TreeMap<>();
      Map<String, Long> expectedQuantity = new TreeMap<>();
      for (JsonNode row : usage.get(day).get("results")) {
        addOpenAiLines(expected, expectedQuantity, row);
      }
      Map<String, BigDecimal> served = new TreeMap<>();
      Map<String, Long> servedQuantity = new TreeMap<>();
      for (JsonNode row : costs.get(day).get("results")) {
        String lineItem = row.get("line_item").asText();
        if (!lineItem.equals("Scale Tier")) {
          served.put(lineItem, row.get("amount").get("value").decimalValue().stripTrailingZeros());
          servedQuantity.put(lineItem, row.get("quantity").asLong());
        }
      }
      assertThat(served).isNotEmpty();
      assertThat(served).isEqualTo(expected);
      assertThat(servedQuantity).isEqualTo(expectedQuantity);
    }
  }

  @ParameterizedTest
  @MethodSource("anthropicOrganizations")
  void anthropicCostRowsAreUsageTokensTimesRates(SandboxAdminKey key) {
    String window = "starting_at=2026-11-01T00:00:00Z&ending_at=2026-11-15T00:00:00Z&limit=14";

    List<JsonNode> usage =
        buckets(
            "/v1/organizations/usage_report/messages?"
                + window
                + "&group_by%5B%5D=model&group_by%5B%5D=service_tier&group_by%5B%5D=context_window",
            key);
    List<JsonNode> costs =
        buckets("/v1/organizations/cost_report?" + window + "&group_by%5B%5D=description", key);

    assertThat(costs).hasSameSizeAs(usage).hasSize(14);
    for (int day = 0; day < usage.size(); day++) {
      Map<String, BigDecimal> expected = new TreeMap<>();
      long webSearches = 0;
      for (JsonNode row : usage.get(day).get("results")) {
        addAnthropicRows(expected, row);
        webSearches += row.get("server_tool_use").get("web_search_requests").asLong();
      }
      if (webSearches > 0) {
        expected.put(
            "web_search|null|null|null|null", BigDecimal.valueOf(webSearches).stripTrailingZeros());
      }
      Map<String, BigDecimal> served = new TreeMap<>();
      for (JsonNode row : costs.get(day).get("results")) {
        String field =
            String.join(
                "|",
                text(row, "cost_type"),
                text(row, "token_type"),
                text(row, "model"),
                text(row, "service_tier"),
                text(row, "context_window"));
        served.put(field, new BigDecimal(row.get("amount").asText()).stripTrailingZeros());
      }
      assertThat(served).isNotEmpty();
      assertThat(served).isEqualTo(expected);
    }
  }

  @Test
  void billedRatesSitBelowListPrices() {
    Map<String, BigDecimal> listInputPerMillion =
        Map.of(
            "gpt-4.1-2025-04-14", new BigDecimal("2.00"),
            "gpt-5-2025-08-07", new BigDecimal("1.25"),
            "claude-sonnet-4-5-20250929", new BigDecimal("3.00"),
            "claude-opus-4-1-20250805", new BigDecimal("15.00"));

    listInputPerMillion.forEach(
        (model, listPrice) ->
            assertThat(ModelCatalog.rate(model).uncachedInput())
                .isEqualByComparingTo(listPrice.multiply(new BigDecimal("0.92"))));
  }

  private static void addOpenAiLines(
      Map<String, BigDecimal> amounts, Map<String, Long> quantities, JsonNode row) {
    String model = row.get("model").asText();
    ModelRate rate = ModelCatalog.rate(model);
    boolean batch = row.get("batch").asBoolean();
    boolean flex = row.get("service_tier").asText().equals("flex");
    BigDecimal discount = batch || flex ? HALF : BigDecimal.ONE;
    String tierWords = "";
    if (batch) {
      tierWords = "batch ";
    } else if (flex) {
      tierWords = "flex ";
    }
    String prefix = model + ", " + tierWords;
    long input =
        row.get("input_uncached_tokens").asLong() + row.get("input_cache_write_tokens").asLong();

    addOpenAiLine(
        amounts, quantities, prefix + "input", input, rate.uncachedInput().multiply(discount));
    addOpenAiLine(
        amounts,
        quantities,
        prefix + "cached input",
        row.get("input_cached_tokens").asLong(),
        rate.cachedInput().multiply(discount));
    addOpenAiLine(
        amounts,
        quantities,
        prefix + "output",
        row.get("output_tokens").asLong(),
        rate.output().multiply(discount));
  }

  private static void addOpenAiLine(
      Map<String, BigDecimal> amounts,
      Map<String, Long> quantities,
      String lineItem,
      long tokens,
      BigDecimal perMillion) {
    if (tokens > 0) {
      BigDecimal amount = perMillion.multiply(BigDecimal.valueOf(tokens)).divide(MILLION);
      amounts.merge(lineItem, amount.stripTrailingZeros(), (a, b) -> a.add(b).stripTrailingZeros());
      quantities.merge(lineItem, tokens, Long::sum);
    }
  }

  private static void addAnthropicRows(Map<String, BigDecimal> expected, JsonNode row) {
    String model = row.get("model").asText();
    String tier = row.get("service_tier").asText();
    String context = row.get("context_window").asText();
    ModelRate rate = ModelCatalog.rate(model);
    BigDecimal batch = tier.equals("batch") ? HALF : BigDecimal.ONE;
    boolean longContext = context.equals("200k-1M");
    BigDecimal input = longContext ? new BigDecimal("2") : BigDecimal.ONE;
    BigDecimal output = longContext ? new BigDecimal("1.5") : BigDecimal.ONE;
    JsonNode cacheCreation = row.get("cache_creation");
    String suffix = "|" + model + "|" + tier + "|" + context;

    addCents(
        expected,
        "tokens|uncached_input_tokens" + suffix,
        row.get("uncached_input_tokens").asLong(),
        rate.uncachedInput().multiply(input).multiply(batch));
    addCents(
        expected,
        "tokens|output_tokens" + suffix,
        row.get("output_tokens").asLong(),
        rate.output().multiply(output).multiply(batch));
    addCents(
        expected,
        "tokens|cache_read_input_tokens" + suffix,
        row.get("cache_read_input_tokens").asLong(),
        rate.cachedInput().multiply(input).multiply(batch));
    addCents(
        expected,
        "tokens|cache_creation.ephemeral_5m_input_tokens" + suffix,
        cacheCreation.get("ephemeral_5m_input_tokens").asLong(),
        rate.cacheWrite5m().multiply(input).multiply(batch));
    addCents(
        expected,
        "tokens|cache_creation.ephemeral_1h_input_tokens" + suffix,
        cacheCreation.get("ephemeral_1h_input_tokens").asLong(),
        rate.cacheWrite1h().multiply(input).multiply(batch));
  }

  /** Adds tokens priced in dollars per million tokens, as cents. */
  private static void addCents(
      Map<String, BigDecimal> expected, String field, long tokens, BigDecimal dollarsPerMillion) {
    if (tokens > 0) {
      BigDecimal cents =
          dollarsPerMillion.multiply(BigDecimal.valueOf(tokens)).divide(BigDecimal.valueOf(10_000));
      expected.merge(field, cents.stripTrailingZeros(), (a, b) -> a.add(b).stripTrailingZeros());
    }
  }

  private static List<JsonNode> buckets(String query, SandboxAdminKey key) {
    List<JsonNode> buckets = new ArrayList<>();
    HTTP.allPages(query, key).forEach(page -> page.get("data").forEach(buckets::add));
    return buckets;
  }

  private static String text(JsonNode row, String field) {
    return row.get(field).isNull() ? "null" : row.get(field).asText();
  }
}
