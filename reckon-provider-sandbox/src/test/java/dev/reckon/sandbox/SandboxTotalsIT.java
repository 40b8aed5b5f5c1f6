package dev.reckon.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks every page of the sandbox's HTTP responses with plain JSON parsing and checks that the
 * totals agree with the sandbox's own model and with each other.
 */
class SandboxTotalsIT {

  /** Two days before the 400-day history starts, to the start of the clock's day. */
  private static final Instant FROM = Instant.parse("2025-10-14T00:00:00Z");

  private static final Instant TO = Instant.parse("2026-11-20T00:00:00Z");
  private static final List<String> OPENAI_DIMENSIONS =
      List.of("project_id", "user_id", "api_key_id", "model", "batch", "service_tier");
  private static final List<String> ANTHROPIC_DIMENSIONS =
      List.of("api_key_id", "workspace_id", "model", "service_tier", "context_window");

  private static final ProviderSandbox SANDBOX = SandboxHttp.start();
  private static final SandboxHttp HTTP = new SandboxHttp(SANDBOX);

  @AfterAll
  static void stop() {
    SANDBOX.close();
  }

  static Stream<SandboxAdminKey> organizations() {
    return SANDBOX.adminKeys().stream();
  }

  @ParameterizedTest
  @MethodSource("organizations")
  void dailyUsageByModelMatchesWorld(SandboxAdminKey key) {
    SandboxProvider provider = key.provider();

    List<JsonNode> pages =
        HTTP.allPages(usage(provider, FROM, TO, "1d", 31, List.of("model")), key);

    Map<LocalDate, Map<String, TokenTotals>> served = new TreeMap<>();
    Map<LocalDate, Map<String, TokenTotals>> expected = new TreeMap<>();
    for (JsonNode bucket : ReportRows.buckets(pages)) {
      LocalDate day = ReportRows.day(provider, bucket);
      Map<String, TokenTotals> byModel = new TreeMap<>();
      bucket
          .get("results")
          .forEach(row -> byModel.put(row.get("model").asText(), ReportRows.totals(provider, row)));
      served.put(day, byModel);
      expected.put(day, SANDBOX.world().dailyTokens(key.organizationId(), day));
    }
    assertThat(served).hasSize(402);
    assertThat(served).isEqualTo(expected);
    assertThat(served.values().stream().filter(Map::isEmpty).count()).isGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("organizations")
  void hourlyBucketsSumToDailyBuckets(SandboxAdminKey key) {
    SandboxProvider provider = key.provider();

    List<JsonNode> hours =
        ReportRows.buckets(HTTP.allPages(usage(provider, FROM, TO, "1h", 168, List.of()), key));
    List<JsonNode> days =
        ReportRows.buckets(HTTP.allPages(usage(provider, FROM, TO, "1d", 31, List.of()), key));

    Map<LocalDate, TokenTotals> hourlySums = new TreeMap<>();
    hours.forEach(
        hour ->
            hourlySums.merge(
                ReportRows.day(provider, hour),
                ReportRows.bucketTotals(provider, hour),
                TokenTotals::plus));
    Map<LocalDate, TokenTotals> daily = new TreeMap<>();
    days.forEach(
        day -> daily.put(ReportRows.day(provider, day), ReportRows.bucketTotals(provider, day)));
    assertThat(hours).hasSize(402 * 24);
    assertThat(hourlySums).isEqualTo(daily);
    assertThat(hours.stream().filter(hour -> hour.get("results").isEmpty()).count())
        .isGreaterThan(100);
  }

  @ParameterizedTest
  @MethodSource("organizations")
  void groupedAndUngroupedUsageTotalsAgree(SandboxAdminKey key) {
    SandboxProvider provider = key.provider();
    List<String> dimensions =
        provider == SandboxProvider.OPENAI ? OPENAI_DIMENSIONS : ANTHROPIC_DIMENSIONS;

    List<JsonNode> grouped =
        ReportRows.buckets(HTTP.allPages(usage(provider, FROM, TO, "1d", 31, dimensions), key));
    List<JsonNode> ungrouped =
        ReportRows.buckets(HTTP.allPages(usage(provider, FROM, TO, "1d", 31, List.of()), key));

    assertThat(grouped).hasSameSizeAs(ungrouped);
    for (int i = 0; i < grouped.size(); i++) {
      assertThat(ReportRows.bucketTotals(provider, grouped.get(i)))
          .isEqualTo(ReportRows.bucketTotals(provider, ungrouped.get(i)));
      assertThat(ungrouped.get(i).get("results").size()).isLessThanOrEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource("organizations")
  void dailyCostMatchesWorldInDollars(SandboxAdminKey key) {
    SandboxProvider provider = key.provider();

    List<JsonNode> days = ReportRows.buckets(HTTP.allPages(cost(provider, 31, List.of()), key));

    Map<LocalDate, BigDecimal> served = new TreeMap<>();
    Map<LocalDate, BigDecimal> expected = new TreeMap<>();
    for (JsonNode bucket : days) {
      LocalDate day = ReportRows.day(provider, bucket);
      served.put(day, ReportRows.bucketDollars(provider, bucket).stripTrailingZeros());
      expected.put(
          day, SANDBOX.world().dailyCostUsd(key.organizationId(), day).stripTrailingZeros());
    }
    assertThat(served).hasSize(402);
    assertThat(served).isEqualTo(expected);
    assertThat(served.values().stream().filter(amount -> amount.signum() > 0).count())
        .isGreaterThan(390);
  }

  @ParameterizedTest
  @MethodSource("organizations")
  void groupedAndUngroupedCostTotalsAgree(SandboxAdminKey key) {
    SandboxProvider provider = key.provider();
    List<String> groupBy =
        provider == SandboxProvider.OPENAI
            ? List.of("project_id", "line_item", "api_key_id")
            : List.of("workspace_id", "description");

    List<JsonNode> grouped = ReportRows.buckets(HTTP.allPages(cost(provider, 31, groupBy), key));
    List<JsonNode> ungrouped =
        ReportRows.buckets(HTTP.allPages(cost(provider, 31, List.of()), key));

    assertThat(grouped).hasSameSizeAs(ungrouped);
    for (int i = 0; i < grouped.size(); i++) {
      assertThat(ReportRows.bucketDollars(provider, grouped.get(i)))
          .isEqualByComparingTo(ReportRows.bucketDollars(provider, ungrouped.get(i)));
    }
  }

  @ParameterizedTest
  @MethodSource("organizations")
  void paginationMatchesOneBigPage(SandboxAdminKey key) {
    SandboxProvider provider = key.provider();
    Instant monthStart = Instant.parse("2026-06-01T00:00:00Z");
    Instant monthEnd = Instant.parse("2026-07-02T00:00:00Z");
    List<String> groupBy = provider == SandboxProvider.OPENAI ? List.of("model") : List.of("model");

    List<JsonNode> onePage =
        HTTP.allPages(usage(provider, monthStart, monthEnd, "1d", 31, groupBy), key);
    List<JsonNode> smallPages =
        HTTP.allPages(usage(provider, monthStart, monthEnd, "1d", 4, groupBy), key);

    assertThat(onePage).hasSize(1);
    assertThat(smallPages).hasSize(8);
    assertThat(smallPages.get(0).get("data")).hasSize(4);
    assertThat(ReportRows.buckets(smallPages)).isEqualTo(ReportRows.buckets(onePage));
  }

  @ParameterizedTest
  @MethodSource("organizations")
  void costPaginationMatchesOneBigPage(SandboxAdminKey key) {
    SandboxProvider provider = key.provider();

    List<JsonNode> bigPages = HTTP.allPages(cost(provider, 31, List.of()), key);
    List<JsonNode> smallPages = HTTP.allPages(cost(provider, 1, List.of()), key);

    assertThat(smallPages).hasSize(402);
    assertThat(ReportRows.buckets(smallPages)).isEqualTo(ReportRows.buckets(bigPages));
  }

  @Test
  void costsPageUpTo180Days() {
    SandboxAdminKey key = SandboxHttp.key(SANDBOX, SandboxProvider.OPENAI, 0);
    String query = openAiCosts(180, List.of());

    List<JsonNode> pages = HTTP.allPages(query, key);

    assertThat(pages).hasSize(3);
    assertThat(pages.get(0).get("data")).hasSize(180);
    assertThat(pages.get(2).get("data")).hasSize(42);
    assertThat(ReportRows.buckets(pages))
        .isEqualTo(ReportRows.buckets(HTTP.allPages(openAiCosts(7, List.of()), key)));
  }

  @ParameterizedTest
  @MethodSource("organizations")
  void sameQueryReturnsIdenticalBytes(SandboxAdminKey key) {
    SandboxProvider provider = key.provider();
    String usageQuery = usage(provider, FROM, TO, "1d", 31, List.of("model", "api_key_id"));
    String costQuery = cost(provider, 31, List.of());

    byte[] firstUsage = HTTP.get(usageQuery, key).body();
    byte[] secondUsage = HTTP.get(usageQuery, key).body();
    byte[] firstCost = HTTP.get(costQuery, key).body();
    byte[] secondCost = HTTP.get(costQuery, key).body();

    assertThat(secondUsage).isEqualTo(firstUsage);
    assertThat(secondCost).isEqualTo(firstCost);
  }

  @Test
  void dailyInputExceeds2Pow31() {
    SandboxAdminKey key = SandboxHttp.key(SANDBOX, SandboxProvider.OPENAI, 1);

    List<JsonNode> days =
        ReportRows.buckets(
            HTTP.allPages(usage(SandboxProvider.OPENAI, FROM, TO, "1d", 31, List.of()), key));

    long maxInput =
        days.stream()
            .flatMap(day -> stream(day.get("results")))
            .mapToLong(row -> row.get("input_tokens").asLong())
            .max()
            .orElseThrow();
    assertThat(maxInput).isGreaterThan(1L << 31);
  }

  @Test
  void bucketsBeforeHistoryAreEmpty() {
    SandboxAdminKey key = SandboxHttp.key(SANDBOX, SandboxProvider.OPENAI, 0);
    String query = usage(SandboxProvider.OPENAI, FROM, TO, "1d", 3, List.of());

    JsonNode firstPage = SandboxHttp.json(HTTP.get(query, key));

    JsonNode data = firstPage.get("data");
    assertThat(data.get(0).get("results")).isEmpty();
    assertThat(data.get(1).get("results")).isEmpty();
    assertThat(data.get(2).get("results")).isNotEmpty();
    assertThat(SANDBOX.world().historyStart()).isEqualTo(Instant.parse("2025-10-16T15:00:00Z"));
  }

  @Test
  void usageHasUnattributedRows() {
    SandboxAdminKey openAi = SandboxHttp.key(SANDBOX, SandboxProvider.OPENAI, 0);
    SandboxAdminKey anthropic = SandboxHttp.key(SANDBOX, SandboxProvider.ANTHROPIC, 0);
    Instant from = Instant.parse("2026-10-01T00:00:00Z");

    List<JsonNode> openAiRows =
        rows(
            usage(SandboxProvider.OPENAI, from, TO, "1d", 31, List.of("project_id", "api_key_id")),
            openAi);
    List<JsonNode> anthropicRows =
        rows(
            usage(
                SandboxProvider.ANTHROPIC,
                from,
                TO,
                "1d",
                31,
                List.of("workspace_id", "api_key_id")),
            anthropic);

    assertThat(openAiRows)
        .anyMatch(row -> row.get("project_id").isNull() && row.get("api_key_id").isNull());
    assertThat(openAiRows)
        .anyMatch(row -> !row.get("project_id").isNull() && !row.get("api_key_id").isNull());
    assertThat(anthropicRows)
        .anyMatch(row -> row.get("workspace_id").isNull() && row.get("api_key_id").isNull());
    assertThat(anthropicRows)
        .anyMatch(row -> row.get("workspace_id").isNull() && !row.get("api_key_id").isNull());
  }

  @Test
  void scaleTierHasNoProject() {
    SandboxAdminKey key = SandboxHttp.key(SANDBOX, SandboxProvider.OPENAI, 0);

    List<JsonNode> rows = rows(openAiCosts(180, List.of("project_id", "line_item")), key);

    List<JsonNode> scaleTier =
        rows.stream().filter(row -> row.get("line_item").asText().equals("Scale Tier")).toList();
    assertThat(scaleTier).hasSizeBetween(200, 300);
    assertThat(scaleTier).allMatch(row -> row.get("project_id").isNull());
    assertThat(scaleTier)
        .allMatch(
            row ->
                row.get("amount").get("value").decimalValue().compareTo(new BigDecimal("112.5"))
                    == 0);
    assertThat(scaleTier).allMatch(row -> row.get("quantity").isNull());
  }

  @Test
  void amountsHaveTenDecimals() {
    SandboxAdminKey key = SandboxHttp.key(SANDBOX, SandboxProvider.OPENAI, 0);

    String body = SandboxHttp.text(HTTP.get(openAiCosts(31, List.of("line_item")), key));

    List<String> values =
        java.util.regex.Pattern.compile("\"value\":([^,}]+)")
            .matcher(body)
            .results()
            .map(match -> match.group(1))
            .collect(Collectors.toList());
    assertThat(values).isNotEmpty();
    assertThat(values).allMatch(value -> value.matches("\\d+\\.\\d{10}"));
  }

  private static List<JsonNode> rows(String query, SandboxAdminKey key) {
    List<JsonNode> rows = new ArrayList<>();
    ReportRows.buckets(HTTP.allPages(query, key))
        .forEach(bucket -> bucket.get("results").forEach(rows::add));
    return rows;
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream();
  }

  static String usage(
      SandboxProvider provider,
      Instant from,
      Instant to,
      String width,
      int limit,
      List<String> groupBy) {
    if (provider == SandboxProvider.OPENAI) {
      return "/organization/usage/completions?start_time="
          + from.getEpochSecond()
          + "&end_time="
          + to.getEpochSecond()
          + "&bucket_width="
          + width
          + "&limit="
          + limit
          + groupBy.stream().map(group -> "&group_by=" + group).collect(Collectors.joining());
    }
    return "/v1/organizations/usage_report/messages?starting_at="
        + from
        + "&ending_at="
        + to
        + "&bucket_width="
        + width
        + "&limit="
        + limit
        + groupBy.stream().map(group -> "&group_by%5B%5D=" + group).collect(Collectors.joining());
  }

  private static String cost(SandboxProvider provider, int limit, List<String> groupBy) {
    if (provider == SandboxProvider.OPENAI) {
      return openAiCosts(limit, groupBy);
    }
    return "/v1/organizations/cost_report?starting_at="
        + FROM
        + "&ending_at="
        + TO
        + "&limit="
        + limit
        + groupBy.stream().map(group -> "&group_by%5B%5D=" + group).collect(Collectors.joining());
  }

  private static String openAiCosts(int limit, List<String> groupBy) {
    return "/organization/costs?start_time="
        + FROM.getEpochSecond()
        + "&end_time="
        + TO.getEpochSecond()
        + "&limit="
        + limit
        + groupBy.stream().map(group -> "&group_by=" + group).collect(Collectors.joining());
  }
}
