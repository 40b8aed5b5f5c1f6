package dev.reckon.adapter.provider.anthropic;

import dev.reckon.adapter.provider.HardenedHttpClient;
import dev.reckon.adapter.provider.internal.BucketPages;
import dev.reckon.adapter.provider.internal.FetchWindows;
import dev.reckon.adapter.provider.internal.PageDrainer;
import dev.reckon.adapter.provider.internal.ProviderHttp;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.usage.BucketWidth;
import dev.reckon.domain.usage.CostBucket;
import dev.reckon.domain.usage.EntityName;
import dev.reckon.domain.usage.UsageBucket;
import dev.reckon.ports.out.FetchProgress;
import dev.reckon.ports.out.ProviderUsageSource;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Reads an Anthropic organization's messages usage, cost report and workspace and API key names
 * through the Admin API (the usage and cost report endpoints), authenticated with an {@code
 * sk-ant-admin} key.
 */
public final class AnthropicUsageSource implements ProviderUsageSource {

  public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";

  static final int MAX_HOURLY_BUCKETS_PER_PAGE = 168;
  static final int MAX_DAILY_COST_BUCKETS_PER_PAGE = 31;
  static final List<String> USAGE_GROUPS =
      List.of("model", "workspace_id", "api_key_id", "service_tier");
  static final List<String> COST_GROUPS = List.of("workspace_id", "description");

  private final ProviderHttp http;
  private final HttpUrl baseUrl;
  private final Clock clock;
  private final PageDrainer drainer;

  /**
   * Creates the source.
   *
   * @param baseUrl {@link #DEFAULT_BASE_URL}, or a loopback sandbox when the client allows it
   * @throws IllegalArgumentException when the client's settings do not allow the base URL
   */
  public AnthropicUsageSource(HardenedHttpClient client, String baseUrl, Clock clock) {
    this(client, baseUrl, clock, PageDrainer.DEFAULT_MAX_PAGES);
  }

  AnthropicUsageSource(HardenedHttpClient client, String baseUrl, Clock clock, int maxPages) {
    this.baseUrl = client.baseUrl(baseUrl);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.http = new ProviderHttp(client, new AnthropicDialect(), clock);
    this.drainer = new PageDrainer(maxPages);
  }

  @Override
  public Provider provider() {
    return Provider.ANTHROPIC;
  }

  @Override
  public List<UsageBucket> fetchUsage(
      SecretBytes adminKey, TimeWindow window, FetchProgress progress) {
    FetchWindows.requireFetchable(window, BucketWidth.HOUR, clock.instant());
    int limit = FetchWindows.pageLimit(window, BucketWidth.HOUR, MAX_HOURLY_BUCKETS_PER_PAGE);
    HttpUrl url =
        reportUrl("v1/organizations/usage_report/messages", window, BucketWidth.HOUR, limit);
    HttpUrl grouped = groupBy(url, USAGE_GROUPS);

    return drainer.drain(
        cursor ->
            BucketPages.read(
                http.get(withPage(grouped, cursor), adminKey),
                AnthropicReports.LAYOUT,
                BucketWidth.HOUR,
                window,
                AnthropicReports::usageRow),
        progress);
  }

  @Override
  public List<CostBucket> fetchCosts(
      SecretBytes adminKey, TimeWindow window, FetchProgress progress) {
    FetchWindows.requireFetchable(window, BucketWidth.DAY, clock.instant());
    int limit = FetchWindows.pageLimit(window, BucketWidth.DAY, MAX_DAILY_COST_BUCKETS_PER_PAGE);
    HttpUrl url = reportUrl("v1/organizations/cost_report", window, BucketWidth.DAY, limit);
    HttpUrl grouped = groupBy(url, COST_GROUPS);

    return drainer.drain(
        cursor ->
            BucketPages.read(
                http.get(withPage(grouped, cursor), adminKey),
                AnthropicReports.LAYOUT,
                BucketWidth.DAY,
                window,
                AnthropicReports::costRow),
        progress);
  }

  @Override
  public List<EntityName> fetchNames(SecretBytes adminKey) {
    return new AnthropicNames(http, baseUrl, drainer).fetch(adminKey);
  }

  private HttpUrl reportUrl(String path, TimeWindow window, BucketWidth width, int limit) {
    return baseUrl
        .newBuilder()
        .addPathSegments(path)
        .addQueryParameter("starting_at", DateTimeFormatter.ISO_INSTANT.format(window.start()))
        .addQueryParameter("ending_at", DateTimeFormatter.ISO_INSTANT.format(window.end()))
        .addQueryParameter("bucket_width", width.wireName())
        .addQueryParameter("limit", Integer.toString(limit))
        .build();
  }

  /** Repeats {@code group_by[]} per value, the bracket form Anthropic documents. */
  private static HttpUrl groupBy(HttpUrl url, List<String> groups) {
    HttpUrl.Builder builder = url.newBuilder();
    groups.forEach(group -> builder.addQueryParameter("group_by[]", group));
    return builder.build();
  }

  private static HttpUrl withPage(HttpUrl url, String cursor) {
    return cursor == null ? url : url.newBuilder().addQueryParameter("page", cursor).build();
  }
}
