package dev.reckon.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prices Anthropic usage into cost lines: one per workspace and cost description. */
final class AnthropicCostLines {

  /** Cost dimensions in the order of the fields of a result row; description decides the rest. */
  static final List<String> DIMENSIONS =
      List.of(
          "cost_type",
          "token_type",
          "model",
          "service_tier",
          "context_window",
          "inference_geo",
          "description",
          "workspace_id");

  /** Dividing dollars per million tokens by this gives cents per token. */
  private static final BigDecimal PER_MILLION_DOLLARS_TO_CENTS = BigDecimal.valueOf(10_000);

  private static final BigDecimal WEB_SEARCH_CENTS = BigDecimal.ONE;
  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final BigDecimal LONG_CONTEXT_INPUT = new BigDecimal("2");
  private static final BigDecimal LONG_CONTEXT_OUTPUT = new BigDecimal("1.5");

  private AnthropicCostLines() {}

  static List<CostLine> of(List<UsageRecord> records) {
    Map<List<Object>, Charge> charges = new TreeMap<>(Grouping.KEY_ORDER);
    for (UsageRecord record : records) {
      addTokenCharges(charges, record);
      addWebSearchCharge(charges, record);
    }

    List<CostLine> lines = new ArrayList<>();
    for (Map.Entry<List<Object>, Charge> entry : charges.entrySet()) {
      Charge charge = entry.getValue();
      BigDecimal cents =
          charge
              .centsPerUnit
              .multiply(BigDecimal.valueOf(charge.quantity))
              .setScale(CostLine.SCALE, RoundingMode.HALF_EVEN);
      lines.add(new CostLine(dimensions(entry.getKey()), cents, charge.quantity, charge.unit));
    }
    return List.copyOf(lines);
  }

  private static void addTokenCharges(Map<List<Object>, Charge> charges, UsageRecord record) {
    UsageStream stream = record.stream();
    TokenTotals totals = record.totals();
    ModelRate rate = ModelCatalog.rate(stream.model());
    boolean longContext = "200k-1M".equals(stream.contextWindow());
    BigDecimal input = longContext ? LONG_CONTEXT_INPUT : BigDecimal.ONE;
    BigDecimal output = longContext ? LONG_CONTEXT_OUTPUT : BigDecimal.ONE;

    addTokens(
        charges,
        record,
        "uncached_input_tokens",
        "Input Tokens",
        totals.uncachedInput(),
        rate.uncachedInput().multiply(input));
    addTokens(
        charges,
        record,
        "output_tokens",
        "Output Tokens",
        totals.output(),
        rate.output().multiply(output));
    addTokens(
        charges,
        record,
        "cache_read_input_tokens",
        "Cache Read Input Tokens",
        totals.cachedInput(),
        rate.cachedInput().multiply(input));
    addTokens(
        charges,
        record,
        "cache_creation.ephemeral_5m_input_tokens",
        "5m Cache Write Input Tokens",
        totals.cacheWrite5m(),
        rate.cacheWrite5m().multiply(input));
    addTokens(
        charges,
        record,
        "cache_creation.ephemeral_1h_input_tokens",
        "1h Cache Write Input Tokens",
        totals.cacheWrite1h(),
        rate.cacheWrite1h().multiply(input));
  }

  private static void addTokens(
      Map<List<Object>, Charge> charges,
      UsageRecord record,
      String tokenType,
      String label,
      long tokens,
      BigDecimal dollarsPerMillion) {
    if (tokens == 0) {
      return;
    }
    UsageStream stream = record.stream();
    boolean batch = stream.batch();
    BigDecimal price = batch ? dollarsPerMillion.multiply(HALF) : dollarsPerMillion;
    String description = description(stream, label);
    List<Object> key =
        Arrays.asList(
            "tokens",
            tokenType,
            stream.model(),
            stream.serviceTier(),
            stream.contextWindow(),
            null,
            description,
            stream.projectId());
    BigDecimal centsPerToken = price.divide(PER_MILLION_DOLLARS_TO_CENTS);
    charges.computeIfAbsent(key, k -> new Charge(centsPerToken, "tokens")).quantity += tokens;
  }

  private static void addWebSearchCharge(Map<List<Object>, Charge> charges, UsageRecord record) {
    long searches = record.totals().webSearchRequests();
    if (searches == 0) {
      return;
    }
    List<Object> key =
        Arrays.asList(
            "web_search",
            null,
            null,
            null,
            null,
            null,
            "Web Search Usage",
            record.stream().projectId());
    charges.computeIfAbsent(key, k -> new Charge(WEB_SEARCH_CENTS, "searches")).quantity +=
        searches;
  }

  /**
   * Builds text such as "Claude Sonnet 4.5 Batch Usage - Input Tokens"; clients must not parse it.
   */
  private static String description(UsageStream stream, String label) {
    StringBuilder text = new StringBuilder(ModelCatalog.rate(stream.model()).displayName());
    if (stream.batch()) {
      text.append(" Batch");
    }
    if ("200k-1M".equals(stream.contextWindow())) {
      text.append(" Long Context");
    }
    return text.append(" Usage - ").append(label).toString();
  }

  private static Map<String, Object> dimensions(List<Object> key) {
    Map<String, Object> dimensions = new LinkedHashMap<>();
    for (int i = 0; i < DIMENSIONS.size(); i++) {
      dimensions.put(DIMENSIONS.get(i), key.get(i));
    }
    return dimensions;
  }

  private static final class Charge {
    private final BigDecimal centsPerUnit;
    private final String unit;
    private long quantity;

    private Charge(BigDecimal centsPerUnit, String unit) {
      this.centsPerUnit = centsPerUnit;
      this.unit = unit;
    }
  }
}
