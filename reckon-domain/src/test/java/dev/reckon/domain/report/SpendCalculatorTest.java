package dev.reckon.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.domain.pricing.PriceTable;
import dev.reckon.domain.shared.Money;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.usage.TokenCounts;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpendCalculatorTest {

  private static final LocalDate DAY_1 = LocalDate.parse("2026-11-01");
  private static final LocalDate DAY_2 = LocalDate.parse("2026-11-02");

  private final SpendCalculator calculator = new SpendCalculator(PriceTable.builtIn());

  private final List<DailyUsage> usage =
      List.of(
          usage(
              DAY_1, Provider.OPENAI, "gpt-4.1-mini-2025-04-14", "proj_A", "key_1", 1_000_000, 10L),
          usage(
              DAY_2, Provider.OPENAI, "gpt-4.1-mini-2025-04-14", "proj_A", "key_2", 2_000_000, 5L),
          usage(DAY_2, Provider.OPENAI, "ft:gpt-4.1-mini:acme::FAKE01", "proj_B", "key_2", 500, 1L),
          usage(
              DAY_2,
              Provider.ANTHROPIC,
              "claude-haiku-4-5-20251001",
              "wrkspc_A",
              "apikey_1",
              1_000_000,
              null));

  private final List<DailyCost> costs =
      List.of(
          new DailyCost(DAY_1, Provider.OPENAI, "proj_A", "none", Money.usd("0.35")),
          new DailyCost(DAY_2, Provider.OPENAI, "none", "none", Money.usd("1.00")),
          new DailyCost(
              DAY_2,
              Provider.ANTHROPIC,
              "wrkspc_A",
              "claude-haiku-4-5-20251001",
              Money.usd("0.90")));

  @Test
  void totalsKeepBilledAndEstimatedApart() {
    SpendReport report = calculate(GroupBy.PROVIDER);

    assertThat(report.totalBilled().toDecimalString()).isEqualTo("2.25");
    // 3M gpt-4.1-mini input tokens at 0.40 per million, 1M haiku input at 1.00.
    assertThat(report.totalEstimated().toDecimalString()).isEqualTo("2.20");
    assertThat(report.totalEstimateStatus()).isEqualTo(EstimateStatus.PARTIAL);
    assertThat(report.unpricedModels()).containsExactly("openai/ft:gpt-4.1-mini:acme::FAKE01");
  }

  @Test
  void dayRowsAreInDateOrder() {
    SpendReport report = calculate(GroupBy.DAY);

    assertThat(report.rows())
        .extracting(SpendRow::group)
        .containsExactly("2026-11-01", "2026-11-02");
    SpendRow second = report.rows().get(1);
    assertThat(second.billed().toDecimalString()).isEqualTo("1.90");
    assertThat(second.estimated().toDecimalString()).isEqualTo("1.80");
    assertThat(second.estimateStatus()).isEqualTo(EstimateStatus.PARTIAL);
    assertThat(second.inputTokens()).isEqualTo(3_000_500);
    assertThat(second.requests()).isEqualTo(6L);
  }

  @Test
  void unpricedModelShowsNoEstimateRatherThanZero() {
    SpendRow fineTuned = row(calculate(GroupBy.MODEL), "ft:gpt-4.1-mini:acme::FAKE01");

    assertThat(fineTuned.estimated()).isNull();
    assertThat(fineTuned.estimateStatus()).isEqualTo(EstimateStatus.UNPRICED);
    assertThat(fineTuned.billed()).isNull();
  }

  @Test
  void apiKeyRowsCarryNoBilledCost() {
    SpendReport report = calculate(GroupBy.API_KEY);

    assertThat(row(report, "key_2").billed()).isNull();
    assertThat(row(report, "key_2").label()).isEqualTo("ci key");
    assertThat(row(report, "none").billed().toDecimalString()).isEqualTo("2.25");
    assertThat(row(report, "none").estimateStatus()).isEqualTo(EstimateStatus.NO_USAGE);
  }

  @Test
  void billedRowsAddUpToTheTotal() {
    for (GroupBy groupBy : GroupBy.values()) {
      SpendReport report = calculate(groupBy);

      Money sum =
          report.rows().stream()
              .map(SpendRow::billed)
              .filter(billed -> billed != null)
              .reduce(Money.zeroUsd(), Money::plus);
      assertThat(sum.sameAmountAs(report.totalBilled())).as(groupBy.id()).isTrue();
    }
  }

  @Test
  void anthropicRowsHaveNoRequestCount() {
    SpendRow anthropic = row(calculate(GroupBy.PROVIDER), "anthropic");

    assertThat(anthropic.requests()).isNull();
  }

  private SpendReport calculate(GroupBy groupBy) {
    return calculator.calculate(
        DAY_1, DAY_2, ZoneOffset.UTC, groupBy, usage, costs, Map.of("key_2", "ci key"));
  }

  private static SpendRow row(SpendReport report, String group) {
    return report.rows().stream()
        .filter(row -> row.group().equals(group))
        .findFirst()
        .orElseThrow();
  }

  private static DailyUsage usage(
      LocalDate day,
      Provider provider,
      String model,
      String project,
      String apiKey,
      long input,
      Long requests) {
    return new DailyUsage(
        day, provider, model, project, apiKey, new TokenCounts(input, 0, 0, 0, 0), requests);
  }
}
