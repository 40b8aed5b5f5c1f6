package dev.reckon.adapter.provider.openai;

import static dev.reckon.adapter.provider.ProviderTestSupport.CLOCK;
import static dev.reckon.adapter.provider.ProviderTestSupport.NOW;
import static dev.reckon.adapter.provider.ProviderTestSupport.OPENAI_KEY;
import static dev.reckon.adapter.provider.ProviderTestSupport.fixture;
import static dev.reckon.adapter.provider.ProviderTestSupport.key;
import static dev.reckon.adapter.provider.ProviderTestSupport.query;
import static dev.reckon.adapter.provider.ProviderTestSupport.testClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.provider.ProviderTestSupport;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.Money;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.usage.BucketWidth;
import dev.reckon.domain.usage.CostBucket;
import dev.reckon.domain.usage.EntityName;
import dev.reckon.domain.usage.TokenCounts;
import dev.reckon.domain.usage.UsageBucket;
import dev.reckon.ports.out.FetchProgress;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiUsageSourceTest {

  private static final Instant MARCH_2 = Instant.parse("2026-03-02T00:00:00Z");
  private static final TimeWindow TWO_DAYS =
      new TimeWindow(MARCH_2, MARCH_2.plus(Duration.ofDays(2)));

  private final MockWebServer server = new MockWebServer();
  private OpenAiUsageSource source;

  @BeforeEach
  void start() throws Exception {
    server.start();
    source = new OpenAiUsageSource(testClient(), server.url("/openai/v1").toString(), CLOCK);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void fetchUsageMapsEveryRowOfEveryPage() {
    server.enqueue(ok(fixture("openai/usage-page1.json")));
    server.enqueue(ok(fixture("openai/usage-page2-old-shape.json")));

    List<UsageBucket> buckets = fetchUsage(TWO_DAYS, FetchProgress.NONE);

    Instant hour0 = MARCH_2;
    Instant hour2 = MARCH_2.plus(Duration.ofHours(2));
    assertThat(buckets)
        .containsExactly(
            usage(
                hour0,
                "gpt-4.1-mini-2025-04-14",
                null,
                "key_FAKE0001",
                null,
                new TokenCounts(50_240, 40_960, 0, 0, 7_310),
                42),
            usage(
                hour0,
                "gpt-5-2025-08-07",
                "proj_FAKE0001",
                "key_FAKE0002",
                "flex",
                new TokenCounts(3_000, 1_800, 200, 0, 10),
                2),
            usage(
                hour2,
                "gpt-4o-2024-08-06",
                "proj_FAKE0002",
                null,
                null,
                new TokenCounts(3_221_224_472L, 1_000, 0, 0, 4_294_967_296L),
                2_147_483_648L),
            usage(
                hour2,
                "gpt-4o-2024-08-06",
                "proj_FAKE0002",
                "key_FAKE0003",
                "default",
                new TokenCounts(850, 100, 50, 0, 7),
                1));
  }

  @Test
  void fetchUsageStoresNullDimensionsAsNone() {
    server.enqueue(ok(fixture("openai/usage-page1.json")));
    server.enqueue(ok(fixture("openai/usage-page2-old-shape.json")));

    UsageBucket first = fetchUsage(TWO_DAYS, FetchProgress.NONE).get(0);

    assertThat(first.project()).isEqualTo("none");
    assertThat(first.serviceTier()).isEqualTo("none");
  }

  @Test
  void fetchUsageSendsGroupedHourlyQuery() throws Exception {
    server.enqueue(ok(fixture("openai/usage-page1.json")));
    server.enqueue(ok(fixture("openai/usage-page2-old-shape.json")));

    fetchUsage(TWO_DAYS, FetchProgress.NONE);

    RecordedRequest first = server.takeRequest();
    assertThat(first.getMethod()).isEqualTo("GET");
    assertThat(first.getUrl().encodedPath()).isEqualTo("/openai/v1/organization/usage/completions");
    assertThat(query(first))
        .isEqualTo(
            Map.of(
                "start_time", List.of("1772409600"),
                "end_time", List.of("1772582400"),
                "bucket_width", List.of("1h"),
                "limit", List.of("48"),
                "group_by", List.of("model", "project_id", "api_key_id", "service_tier")));
    assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + OPENAI_KEY);
    assertThat(first.getHeaders().get("User-Agent")).isEqualTo("reckon/0.1");
    assertThat(first.getHeaders().get("Accept")).isEqualTo("application/json");
  }

  @Test
  void usagePageTwoAddsOnlyCursor() throws Exception {
    server.enqueue(ok(fixture("openai/usage-page1.json")));
    server.enqueue(ok(fixture("openai/usage-page2-old-shape.json")));

    fetchUsage(TWO_DAYS, FetchProgress.NONE);

    Map<String, List<String>> firstQuery = query(server.takeRequest());
    RecordedRequest second = server.takeRequest();
    Map<String, List<String>> secondQuery = new java.util.TreeMap<>(query(second));
    assertThat(secondQuery.remove("page")).containsExactly("page_FAKEcursor0001");
    assertThat(secondQuery).isEqualTo(firstQuery);
    assertThat(second.getUrl().encodedPath())
        .isEqualTo("/openai/v1/organization/usage/completions");
    assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer " + OPENAI_KEY);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void fetchUsageClampsLimitToHourlyMaximum() throws Exception {
    server.enqueue(ok(emptyPage()));
    TimeWindow eightDays = new TimeWindow(NOW.minus(Duration.ofDays(8)), NOW);

    fetchUsage(eightDays, FetchProgress.NONE);

    assertThat(server.takeRequest().getUrl().queryParameter("limit")).isEqualTo("168");
  }

  @Test
  void usageProgressPerPage() {
    server.enqueue(ok(fixture("openai/usage-page1.json")));
    server.enqueue(ok(fixture("openai/usage-page2-old-shape.json")));
    List<Instant> progress = new ArrayList<>();

    fetchUsage(TWO_DAYS, progress::add);

    assertThat(progress)
        .containsExactly(
            Instant.parse("2026-03-02T02:00:00Z"), Instant.parse("2026-03-02T03:00:00Z"));
  }

  @Test
  void fetchCostsMapsDollarAmountsExactly() {
    server.enqueue(ok(fixture("openai/costs.json")));
    Instant march1 = Instant.parse("2026-03-01T00:00:00Z");

    List<CostBucket> costs =
        source.fetchCosts(
            key(OPENAI_KEY),
            new TimeWindow(march1, MARCH_2.plus(Duration.ofDays(1))),
            FetchProgress.NONE);

    assertThat(costs)
        .containsExactly(
            cost(march1, "proj_FAKE0001", "gpt-4.1-mini, input", "12.34567890123456789"),
            cost(march1, null, "Scale Tier", "0.50"),
            cost(MARCH_2, "proj_FAKE0002", null, "7"));
    assertThat(costs.get(1).project()).isEqualTo("none");
    assertThat(costs.get(2).lineItem()).isEqualTo("none");
    assertThat(costs.get(0).amount().amount()).isEqualTo(new BigDecimal("12.34567890123456789"));
  }

  @Test
  void costQueryGroupsProjectAndLineItem() throws Exception {
    server.enqueue(ok(fixture("openai/costs.json")));
    Instant march1 = Instant.parse("2026-03-01T00:00:00Z");

    source.fetchCosts(
        key(OPENAI_KEY),
        new TimeWindow(march1, MARCH_2.plus(Duration.ofDays(1))),
        FetchProgress.NONE);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/v1/organization/costs");
    assertThat(query(request))
        .isEqualTo(
            Map.of(
                "start_time", List.of("1772323200"),
                "end_time", List.of("1772496000"),
                "bucket_width", List.of("1d"),
                "limit", List.of("2"),
                "group_by", List.of("project_id", "line_item")));
  }

  @Test
  void fetchCostsClampsLimitToCostMaximum() throws Exception {
    server.enqueue(ok(emptyPage()));
    TimeWindow twoHundredDays = new TimeWindow(NOW.minus(Duration.ofDays(200)), NOW);

    source.fetchCosts(key(OPENAI_KEY), twoHundredDays, FetchProgress.NONE);

    assertThat(server.takeRequest().getUrl().queryParameter("limit")).isEqualTo("180");
  }

  @Test
  void fetchNamesListsProjectsAndTheirKeys() {
    enqueueNames();

    List<EntityName> names = source.fetchNames(key(OPENAI_KEY));

    assertThat(names)
        .containsExactly(
            new EntityName(EntityName.Kind.PROJECT, "proj_FAKE0001", "Search FAKE"),
            new EntityName(EntityName.Kind.API_KEY, "key_FAKE0001", "prod FAKE"),
            new EntityName(EntityName.Kind.PROJECT, "proj_FAKE0003", "Archived FAKE"),
            new EntityName(EntityName.Kind.API_KEY, "key_FAKE0003", "old FAKE"));
  }

  @Test
  void namesQueriesIncludeArchived() throws Exception {
    enqueueNames();

    source.fetchNames(key(OPENAI_KEY));

    RecordedRequest projects = server.takeRequest();
    assertThat(projects.getUrl().encodedPath()).isEqualTo("/openai/v1/organization/projects");
    assertThat(query(projects))
        .isEqualTo(Map.of("include_archived", List.of("true"), "limit", List.of("100")));
    assertThat(query(server.takeRequest()))
        .isEqualTo(
            Map.of(
                "include_archived", List.of("true"),
                "limit", List.of("100"),
                "after", List.of("proj_FAKE0002")));
    for (String project : List.of("proj_FAKE0001", "proj_FAKE0002", "proj_FAKE0003")) {
      RecordedRequest keys = server.takeRequest();
      assertThat(keys.getMethod()).isEqualTo("GET");
      assertThat(keys.getUrl().encodedPath())
          .isEqualTo("/openai/v1/organization/projects/" + project + "/api_keys");
      assertThat(query(keys))
          .isEqualTo(Map.of("limit", List.of("100"), "owner_project_access", List.of("any")));
    }
  }

  @Test
  void fetchUsageRejectsWindowOffWholeHours() {
    TimeWindow unaligned =
        new TimeWindow(MARCH_2.plusSeconds(60), MARCH_2.plus(Duration.ofHours(2)));

    assertThatThrownBy(() -> fetchUsage(unaligned, FetchProgress.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'window' must start and end on whole UTC hours (was [2026-03-02T00:01:00Z,"
                + " 2026-03-02T02:00:00Z))");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void fetchUsageRejectsWindowEndingAfterNow() {
    TimeWindow future =
        new TimeWindow(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)));

    assertThatThrownBy(() -> fetchUsage(future, FetchProgress.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'window' must not end after now (was [2026-03-04T23:00:00Z, 2026-03-05T01:00:00Z),"
                + " now is 2026-03-05T00:00:00Z)");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void fetchCostsRejectsWindowOffMidnights() {
    TimeWindow hours = new TimeWindow(MARCH_2, MARCH_2.plus(Duration.ofHours(5)));

    assertThatThrownBy(() -> source.fetchCosts(key(OPENAI_KEY), hours, FetchProgress.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'window' must start and end on UTC midnights (was [2026-03-02T00:00:00Z,"
                + " 2026-03-02T05:00:00Z))");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void fetchLeavesCallersKeyOpen() {
    server.enqueue(ok(emptyPage()));
    SecretBytes adminKey = key(OPENAI_KEY);

    source.fetchUsage(adminKey, TWO_DAYS, FetchProgress.NONE);

    assertThat(adminKey.isDestroyed()).isFalse();
    assertThat(adminKey.unsafeRevealAsStringForHeader()).isEqualTo(OPENAI_KEY);
  }

  private List<UsageBucket> fetchUsage(TimeWindow window, FetchProgress progress) {
    try (SecretBytes adminKey = key(OPENAI_KEY)) {
      return source.fetchUsage(adminKey, window, progress);
    }
  }

  private void enqueueNames() {
    server.enqueue(ok(fixture("openai/projects-page1.json")));
    server.enqueue(ok(fixture("openai/projects-page2.json")));
    server.enqueue(ok(fixture("openai/api-keys-proj1.json")));
    server.enqueue(ok(fixture("openai/api-keys-empty.json")));
    server.enqueue(ok(fixture("openai/api-keys-proj3.json")));
  }

  private static MockResponse ok(String body) {
    return ProviderTestSupport.json(body, "x-request-id", "req_FAKEok");
  }

  private static String emptyPage() {
    return "{\"object\":\"page\",\"data\":[],\"has_more\":false,\"next_page\":null}";
  }

  private static UsageBucket usage(
      Instant start,
      String model,
      String project,
      String apiKey,
      String tier,
      TokenCounts tokens,
      long requests) {
    return new UsageBucket(
        Provider.OPENAI, start, BucketWidth.HOUR, model, project, apiKey, tier, tokens, requests);
  }

  private static CostBucket cost(Instant start, String project, String lineItem, String amount) {
    return new CostBucket(
        Provider.OPENAI, start, project, lineItem, null, null, null, Money.usd(amount));
  }
}
