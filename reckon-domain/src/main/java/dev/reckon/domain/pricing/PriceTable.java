package dev.reckon.domain.pricing;

import dev.reckon.domain.shared.Provider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dated, versioned table of per-token list prices, used to estimate spend where no cost endpoint
 * reports it. Estimates are always labelled as such, never as billed.
 */
public final class PriceTable {

  private static final Pattern SNAPSHOT_SUFFIX =
      Pattern.compile("(.+)-(?:\\d{4}-\\d{2}-\\d{2}|\\d{8})");

  static final String BUILT_IN_VERSION = "2026-11-01";

  private final String version;
  private final Map<Provider, Map<String, ModelPrice>> prices;

  private PriceTable(String version, Map<Provider, Map<String, ModelPrice>> prices) {
    this.version = version;
    this.prices = prices;
  }

  /** Returns the table shipped with this build. */
  public static PriceTable builtIn() {
    String resource = "price-table-" + BUILT_IN_VERSION + ".csv";
    try (InputStream in = PriceTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "price table resource " + resource + " is missing from the build");
      }
      return parse(BUILT_IN_VERSION, in);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read price table " + resource, e);
    }
  }

  /**
   * Parses a CSV with the header {@code provider,model,input,cached_input,cache_write_5m,
   * cache_write_1h,output}, prices in USD per million tokens. Lines starting with {@code #} are
   * comments.
   */
  public static PriceTable parse(String version, InputStream csv) throws IOException {
    LocalDate.parse(version);
    Map<Provider, Map<String, ModelPrice>> prices = new HashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
    String line;
    int lineNumber = 0;
    boolean headerSeen = false;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (!headerSeen) {
        headerSeen = true;
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != 7) {
        throw new IllegalArgumentException(
            "price table line " + lineNumber + " has " + cells.length + " columns: expected 7");
      }
      ModelPrice price =
          new ModelPrice(
              cells[1],
              new BigDecimal(cells[2]),
              new BigDecimal(cells[3]),
              new BigDecimal(cells[4]),
              new BigDecimal(cells[5]),
              new BigDecimal(cells[6]));
      prices.computeIfAbsent(Provider.fromId(cells[0]), p -> new HashMap<>()).put(cells[1], price);
    }
    return new PriceTable(version, prices);
  }

  /** Returns the version date of the table, recorded next to every estimate. */
  public String version() {
    return version;
  }

  /**
   * Finds the price of a model: the exact id first, else the listed id that the model id extends
   * with a snapshot date ({@code -2025-04-14} or {@code -20250929}). Any other suffix, such as a
   * fine-tuned or preview variant, is unpriced rather than guessed.
   */
  public Optional<ModelPrice> find(Provider provider, String model) {
    Objects.requireNonNull(model, "model");
    Map<String, ModelPrice> byModel = prices.getOrDefault(provider, Map.of());
    ModelPrice exact = byModel.get(model);
    if (exact != null) {
      return Optional.of(exact);
    }
    Matcher snapshot = SNAPSHOT_SUFFIX.matcher(model);
    if (!snapshot.matches()) {
      return Optional.empty();
    }
    return Optional.ofNullable(byModel.get(snapshot.group(1)));
  }
}
