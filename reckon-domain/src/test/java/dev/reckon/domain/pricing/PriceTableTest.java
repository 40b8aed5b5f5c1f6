package dev.reckon.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.domain.shared.Money;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.usage.TokenCounts;
import org.junit.jupiter.api.Test;

class PriceTableTest {

  private final PriceTable table = PriceTable.builtIn();

  @Test
  void builtInTableCarriesItsVersion() {
    assertThat(table.version()).isEqualTo("2026-11-01");
  }

  @Test
  void snapshotIdsUseTheirBaseModel() {
    assertThat(table.find(Provider.OPENAI, "gpt-4.1-mini-2025-04-14"))
        .map(ModelPrice::model)
        .contains("gpt-4.1-mini");
    assertThat(table.find(Provider.ANTHROPIC, "claude-opus-4-1-20250805"))
        .map(ModelPrice::model)
        .contains("claude-opus-4-1");
  }

  @Test
  void unknownVariantsStayUnpriced() {
    assertThat(table.find(Provider.OPENAI, "ft:gpt-4.1-mini-2025-04-14:acme::FAKE01")).isEmpty();
    assertThat(table.find(Provider.OPENAI, "gpt-4.1-turbo")).isEmpty();
    assertThat(table.find(Provider.ANTHROPIC, "gpt-4.1")).isEmpty();
  }

  @Test
  void costPricesEachKindOfToken() {
    ModelPrice sonnet = table.find(Provider.ANTHROPIC, "claude-sonnet-4-5-20250929").orElseThrow();

    Money cost = sonnet.cost(new TokenCounts(1_000_000, 2_000_000, 1_000_000, 1_000_000, 100_000));

    // 3.00 + 2 × 0.30 + 3.75 + 6.00 + 0.1 × 15.00
    assertThat(cost.sameAmountAs(Money.usd("14.85"))).isTrue();
  }
}
