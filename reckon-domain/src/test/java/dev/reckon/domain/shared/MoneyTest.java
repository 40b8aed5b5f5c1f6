package dev.reckon.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void decimalStringKeepsEveryDigit() {
    Money amount = Money.usd(new BigDecimal("84572.40").movePointLeft(2));

    assertThat(amount.toDecimalString()).isEqualTo("845.724");
    assertThat(Money.usd("12").toDecimalString()).isEqualTo("12.00");
    assertThat(Money.usd("0.0000001").toDecimalString()).isEqualTo("0.0000001");
  }

  @Test
  void displayRoundsHalfEvenToCents() {
    assertThat(Money.usd("2.345").toDisplayString()).isEqualTo("2.34");
    assertThat(Money.usd("2.355").toDisplayString()).isEqualTo("2.36");
  }

  @Test
  void addingDifferentCurrenciesIsRejected() {
    assertThatThrownBy(() -> Money.usd("1").plus(new Money(BigDecimal.ONE, "EUR")))
        .hasMessage("cannot add EUR to USD: convert first");
  }
}
