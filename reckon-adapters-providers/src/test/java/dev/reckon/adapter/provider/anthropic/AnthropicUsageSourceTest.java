package dev.reckon.adapter.provider.anthropic;

import static dev.reckon.adapter.provider.ProviderTestSupport.ANTHROPIC_KEY;
import static dev.reckon.adapter.provider.ProviderTestSupport.CLOCK;
import static dev.reckon.adapter.provider.ProviderTestSupport.NOW;
import static dev.reckon.adapter.provider.ProviderTestSupport.fixture;
import static dev.reckon.adapter.provider.ProviderTestSupport.key;
import static dev.reckon.adapter.provider.ProviderTestSupport.query;
import static dev.reckon.adapter.provider.ProviderTestSupport.testClient;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.TreeMap;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicUsageSourceTest {

  private static final Instant MARCH_1 = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant MARCH_2 = Instant.parse("2026-03-02T00:00:00Z");
  private static final TimeWindow TWO_DAYS =
      new TimeWindow(MARCH_2, MARCH_2.plus(Duration.ofDays(2)));

  private final MockWebServer server = new MockWebServer();
  private AnthropicUsageSource source;

  @BeforeEach
  void start() throws Exception {
    server.start();
    source = new AnthropicUsageSource(testClient(), server.url("/anthropic").toString(), CLOCK);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void usageMapsNestedCacheWrites() {
    enqueueUsagePages();

    List<UsageBucket> buckets = fetchUsage(TWO_DAYS, FetchProgress.NONE);

    Instant hour2 = MARCH_2.plus(Duration.ofHours(2));
    assertThat(buckets)
        .containsExactly(
            usage(
                MARCH_2,
                "claude-sonnet-4-5-20250929",
                null,
                "apikey_01FAKEKEY0001",
                "standard",
                new TokenCounts(120_034, 880_112, 15_000, 0, 40_211)),
            usage(MARCH_2, null, null, null, null, new TokenCounts(2, 316_685, 0, 977, 5_175)),
            usage(
                hour2,
                "claude-opus-4-1-20250805",
                "wrkspc_01FAKEWS0001",
                "apikey_01FAKEKEY0002",
                "batch",
                new TokenCounts(3_221_225_472L, 0, 4_294_967_296L, 1, 2_147_483_648L)));
  }

  @Test
  void usageNullsBecomeNone() {
    enqueueUsagePages();

    UsageBucket unattributed = fetchUsage(TWO_DAYS, FetchProgress.NONE).get(1);

    assertThat(unattributed.model()).isEqualTo("none");
    assertThat(unattributed.project()).isEqualTo("none");
    assertThat(unattributed.apiKey()).isEqualTo("none");
    assertThat(unattributed.serviceTier()).isEqualTo("none");
    assertThat(unattributed.requests()).isNull();
  }

  @Test
  void fetchUsageSendsBracketGroupsAndRfc3339Bounds() throws Exception {
    enqueueUsagePages();

    fetchUsage(TWO_DAYS, FetchProgress.NONE);

    RecordedRequest first = server.takeRequest();
    assertThat(first.getMethod()).isEqualTo("GET");
    assertThat(first.getUrl().encodedPath())
        .isEqualTo("/anthropic/v1/organizations/usage_report/messages");
    assertThat(query(first))
        .isEqualTo(
            Map.of(
                "starting_at", List.of("2026-03-02T00:00:00Z"),
                "ending_at", List.of("2026-03-04T00:00:00Z"),
                "bucket_width", List.of("1h"),
                "limit", List.of("48"),
                "group_by[]", List.of("model", "workspace_id", "api_key_id", "service_tier")));
    assertThat(first.getHeaders().get("x-api-key")).isEqualTo(ANTHROPIC_KEY);
    assertThat(first.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(first.getHeaders().get("User-Agent")).isEqualTo("reckon/0.1");
    assertThat(first.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void usagePageTwoAddsOnlyCursor() throws Exception {
    enqueueUsagePages();

    fetchUsage(TWO_DAYS, FetchProgress.NONE);

    Map<String, List<String>> firstQuery = query(server.takeRequest());
    RecordedRequest second = server.takeRequest();
    Map<String, List<String>> secondQuery = new TreeMap<>(query(second));
    assertThat(secondQuery.remove("page")).containsExactly("page_FAKEanthropic0001");
    assertThat(secondQuery).isEqualTo(firstQuery);
    assertThat(second.getHeaders().get("x-api-key")).isEqualTo(ANTHROPIC_KEY);
    assertThat(second.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
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
    enqueueUsagePages();
    List<Instant> progress = new ArrayList<>();

    fetchUsage(TWO_DAYS, progress::add);

    assertThat(progress)
        .containsExactly(
            Instant.parse("2026-03-02T02:00:00Z"), Instant.parse("2026-03-02T03:00:00Z"));
  }

  @Test
  void fetchCostsConvertsCentStringsToDollars() {
    server.enqueue(ok(fixture("anthropic/cost.json")));

    List<CostBucket> costs =
        source.fetchCosts(
            key(ANTHROPIC_KEY),
            new TimeWindow(MARCH_1, MARCH_2.plus(Duration.ofDays(1))),
            FetchProgress.NONE);

    assertThat(costs)
        .containsExactly(
            new CostBucket(
                Provider.ANTHROPIC, MARCH_1, null, null, null, null, null, Money.usd("845.7240")),
            new CostBucket(
                Provider.ANTHROPIC,
                MARCH_2,
                "wrkspc_01FAKEWS0001",
                "Claude Sonnet 4.5 Usage - Input Tokens",
                "claude-sonnet-4-5-20250929",
                "uncached_input_tokens",
                "standard",
                Money.usd("36.001020000000")),
            new CostBucket(
                Provider.ANTHROPIC,
                MARCH_2,
                null,
                "Web Search Usage",
                null,
                null,
                null,
                Money.usd("10.000")));
    assertThat(costs.get(0).amount().amount()).isEqualTo(new BigDecimal("845.7240"));
    assertThat(costs.get(0).project()).isEqualTo("none");
  }

  @Test
  void costQueryGroupsWorkspaceAndDescription() throws Exception {
    server.enqueue(ok(fixture("anthropic/cost.json")));

    source.fetchCosts(
        key(ANTHROPIC_KEY),
        new TimeWindow(MARCH_1, MARCH_2.plus(Duration.ofDays(1))),
        FetchProgress.NONE);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/anthropic/v1/organizations/cost_report");
    assertThat(query(request))
        .isEqualTo(
            Map.of(
                "starting_at", List.of("2026-03-01T00:00:00Z"),
                "ending_at", List.of("2026-03-03T00:00:00Z"),
                "bucket_width", List.of("1d"),
                "limit", List.of("2"),
                "group_by[]", List.of("workspace_id", "description")));
    assertThat(request.getHeaders().get("x-api-key")).isEqualTo(ANTHROPIC_KEY);
    assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
  }

  @Test
  void fetchCostsClampsLimitToCostMaximum() throws Exception {
    server.enqueue(ok(emptyPage()));
    TimeWindow ninetyDays = new TimeWindow(NOW.minus(Duration.ofDays(90)), NOW);

    source.fetchCosts(key(ANTHROPIC_KEY), ninetyDays, FetchProgress.NONE);

    assertThat(server.takeRequest().getUrl().queryParameter("limit")).isEqualTo("31");
  }

  @Test
  void namesIncludeArchivedAndInactive() {
    enqueueNames();

    List<EntityName> names = source.fetchNames(key(ANTHROPIC_KEY));

    assertThat(names)
        .containsExactly(
            new EntityName(EntityName.Kind.PROJECT, "wrkspc_01FAKEWS0001", "Research FAKE"),
            new EntityName(EntityName.Kind.PROJECT, "wrkspc_01FAKEWS0002", "Old FAKE"),
            new EntityName(EntityName.Kind.API_KEY, "apikey_01FAKEKEY0001", "ci FAKE"),
            new EntityName(EntityName.Kind.API_KEY, "apikey_01FAKEKEY0002", "revoked FAKE"));
  }

  @Test
  void namesQueriesIncludeArchived() throws Exception {
    enqueueNames();

    source.fetchNames(key(ANTHROPIC_KEY));

    RecordedRequest workspaces = server.takeRequest();
    assertThat(workspaces.getUrl().encodedPath())
        .isEqualTo("/anthropic/v1/organizations/workspaces");
    assertThat(query(workspaces))
        .isEqualTo(Map.of("include_archived", List.of("true"), "limit", List.of("100")));
    assertThat(query(server.takeRequest()))
        .isEqualTo(
            Map.of(
                "include_archived", List.of("true"),
                "limit", List.of("100"),
                "after_id", List.of("wrkspc_01FAKEWS0001")));
    RecordedRequest keys = server.takeRequest();
    assertThat(keys.getMethod()).isEqualTo("GET");
    assertThat(keys.getUrl().encodedPath()).isEqualTo("/anthropic/v1/organizations/api_keys");
    assertThat(query(keys)).isEqualTo(Map.of("limit", List.of("100")));
  }

  private List<UsageBucket> fetchUsage(TimeWindow window, FetchProgress progress) {
    try (SecretBytes adminKey = key(ANTHROPIC_KEY)) {
      return source.fetchUsage(adminKey, window, progress);
    }
  }

  private void enqueueUsagePages() {
    server.enqueue(ok(fixture("anthropic/usage-page1.json")));
    server.enqueue(ok(fixture("anthropic/usage-page2.json")));
  }

  private void enqueueNames() {
    server.enqueue(ok(fixture("anthropic/workspaces-page1.json")));
    server.enqueue(ok(fixture("anthropic/workspaces-page2.json")));
    server.enqueue(ok(fixture("anthropic/api-keys.json")));
  }

  private static MockResponse ok(String body) {
    return ProviderTestSupport.json(body, "request-id", "req_011FAKEok");
  }

  private static String emptyPage() {
    return "{\"data\":[],\"has_more\":false,\"next_page\":null}";
  }

  private static UsageBucket usage(
      Instant start,
      String model,
      String workspace,
      String apiKey,
      String tier,
      TokenCounts tokens) {
    return new UsageBucket(
        Provider.ANTHROPIC, start, BucketWidth.HOUR, model, workspace, apiKey, tier, tokens, null);
  }
}
