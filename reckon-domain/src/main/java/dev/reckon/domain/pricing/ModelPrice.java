package dev.reckon.domain.pricing;

import dev.reckon.domain.shared.Money;
import dev.reckon.domain.usage.TokenCounts;
import java.math.BigDecimal;
import java.util.Objects;

/** List prices of one model in USD per million tokens, one per kind of token. */
public record ModelPrice(
    String model,
    BigDecimal inputPerMillion,
    BigDecimal cachedInputPerMillion,
    BigDecimal cacheWrite5mPerMillion,
    BigDecimal cacheWrite1hPerMillion,
    BigDecimal outputPerMillion) {

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  public ModelPrice {
    Objects.requireNonNull(model, "model");
    requireNotNegative("inputPerMillion", inputPerMillion);
    requireNotNegative("cachedInputPerMillion", cachedInputPerMillion);
    requireNotNegative("cacheWrite5mPerMillion", cacheWrite5mPerMillion);
    requireNotNegative("cacheWrite1hPerMillion", cacheWrite1hPerMillion);
    requireNotNegative("outputPerMillion", outputPerMillion);
  }

  /** Returns the exact list price of the tokens, pricing each kind of token at its own rate. */
  public Money cost(TokenCounts tokens) {
    BigDecimal microDollars =
        inputPerMillion
            .multiply(BigDecimal.valueOf(tokens.uncachedInput()))
            .add(cachedInputPerMillion.multiply(BigDecimal.valueOf(tokens.cachedInput())))
            .add(cacheWrite5mPerMillion.multiply(BigDecimal.valueOf(tokens.cacheWrite5m())))
            .add(cacheWrite1hPerMillion.multiply(BigDecimal.valueOf(tokens.cacheWrite1h())))
            .add(outputPerMillion.multiply(BigDecimal.valueOf(tokens.output())));
    return Money.usd(microDollars.divide(MILLION));
  }

  private static void requireNotNegative(String name, BigDecimal value) {
    Objects.requireNonNull(value, name);
    if (value.signum() < 0) {
      throw new IllegalArgumentException("'" + name + "' must not be negative (was " + value + ")");
    }
  }
}
