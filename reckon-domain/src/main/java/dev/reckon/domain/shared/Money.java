package dev.reckon.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount of money in one currency, kept at the scale the provider sent it.
 *
 * <p>Amounts are never converted through binary floating point. Only {@link #toDisplayString}
 * rounds, and only for people to read.
 */
public record Money(BigDecimal amount, String currency) {

  public static final String USD = "USD";

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    if (!currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException(
          "'currency' must be an upper-case ISO 4217 code (was '" + currency + "')");
    }
  }

  public static Money usd(BigDecimal amount) {
    return new Money(amount, USD);
  }

  public static Money usd(String amount) {
    return usd(new BigDecimal(amount));
  }

  public static Money zeroUsd() {
    return usd(BigDecimal.ZERO);
  }

  public Money plus(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot add " + other.currency + " to " + currency + ": convert first");
    }
    return new Money(amount.add(other.amount), currency);
  }

  /**
   * Returns the amount as a plain decimal string with trailing zeros removed (at least scale 2).
   */
  public String toDecimalString() {
    BigDecimal stripped = amount.stripTrailingZeros();
    if (stripped.scale() < 2) {
      stripped = stripped.setScale(2, RoundingMode.UNNECESSARY);
    }
    return stripped.toPlainString();
  }

  /** Returns the amount rounded half-even to cents, for tables meant for people. */
  public String toDisplayString() {
    return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** Compares amounts numerically, so 1.50 and 1.5000 are the same amount. */
  public boolean sameAmountAs(Money other) {
    return currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
  }
}
