package dev.reckon.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prices OpenAI usage into cost lines: one per project, key and line item. */
final class OpenAiCostLines {

  static final List<String> DIMENSIONS = List.of("project_id", "api_key_id", "line_item");

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal HALF = new BigDecimal("0.5");

  private OpenAiCostLines() {}

  static List<CostLine> of(
      Organization org, Bucket bucket, List<UsageRecord> records, History history) {
    Map<List<Object>, Charge> charges = new TreeMap<>(Grouping.KEY_ORDER);
    for (UsageRecord record : records) {
      addTokenCharges(charges, record);
    }

    List<CostLine> lines = new ArrayList<>();
    for (Map.Entry<List<Object>, Charge> entry : charges.entrySet()) {
      Charge charge = entry.getValue();
      BigDecimal amount =
          charge
              .perMillion
              .multiply(BigDecimal.valueOf(charge.tokens))
              .divide(MILLION)
              .setScale(CostLine.SCALE, RoundingMode.HALF_EVEN);
      lines.add(new CostLine(dimensions(entry.getKey()), amount, charge.tokens, "tokens"));
    }
    lines.addAll(scaleTierLines(org, bucket, history));
    return List.copyOf(lines);
  }

  /**
   * Returns whether the Scale Tier contract covers a day: two months of every three, so the charge
   * appears on some days and not others.
   */
  static boolean scaleTierActive(long epochDay) {
    return Math.floorMod(Math.floorDiv(epochDay, 30), 3) != 2;
  }

  private static void addTokenCharges(Map<List<Object>, Charge> charges, UsageRecord record) {
    UsageStream stream = record.stream();
    TokenTotals totals = record.totals();
    ModelRate rate = ModelCatalog.rate(stream.model());
    boolean discounted = stream.batch() || "flex".equals(stream.serviceTier());
    String prefix = stream.model() + ", " + tierWords(stream);

    // OpenAI bills cache writes as ordinary input.
    long input = totals.uncachedInput() + totals.cacheWrite5m();
    add(charges, stream, prefix + "input", input, rate.uncachedInput(), discounted);
    add(
        charges,
        stream,
        prefix + "cached input",
        totals.cachedInput(),
        rate.cachedInput(),
        discounted);
    add(charges, stream, prefix + "output", totals.output(), rate.output(), discounted);
  }

  private static String tierWords(UsageStream stream) {
    if (stream.batch()) {
      return "batch ";
    }
    return "flex".equals(stream.serviceTier()) ? "flex " : "";
  }

  private static void add(
      Map<List<Object>, Charge> charges,
      UsageStream stream,
      String lineItem,
      long tokens,
      BigDecimal perMillion,
      boolean discounted) {
    if (tokens == 0) {
      return;
    }
    List<Object> key = Arrays.asList(stream.projectId(), stream.apiKeyId(), lineItem);
    BigDecimal price = discounted ? perMillion.multiply(HALF) : perMillion;
    charges.computeIfAbsent(key, k -> new Charge(price)).tokens += tokens;
  }

  /** Returns the fixed daily charge at the start of each covered day, with no project or key. */
  private static List<CostLine> scaleTierLines(Organization org, Bucket bucket, History history) {
    List<CostLine> lines = new ArrayList<>();
    if (org.scaleTierDailyUsd() == null) {
      return lines;
    }
    for (long day = Bucket.alignUp(bucket.start(), Bucket.DAY);
        day < bucket.end();
        day += Bucket.DAY) {
      if (history.contains(day) && scaleTierActive(day / Bucket.DAY)) {
        List<Object> key = Arrays.asList(null, null, "Scale Tier");
        lines.add(new CostLine(dimensions(key), org.scaleTierDailyUsd(), null, null));
      }
    }
    return lines;
  }

  private static Map<String, Object> dimensions(List<Object> key) {
    Map<String, Object> dimensions = new LinkedHashMap<>();
    for (int i = 0; i < DIMENSIONS.size(); i++) {
      dimensions.put(DIMENSIONS.get(i), key.get(i));
    }
    return dimensions;
  }

  private static final class Charge {
    private final BigDecimal perMillion;
    private long tokens;

    private Charge(BigDecimal perMillion) {
      this.perMillion = perMillion;
    }
  }
}
