package dev.reckon.adapter.provider.openai;

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
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Reads an OpenAI organization's completions usage, costs and project and API key names through the
 * Admin API, authenticated with an {@code sk-admin-} key.
 */
public final class OpenAiUsageSource implements ProviderUsageSource {

  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  static final int MAX_HOURLY_BUCKETS_PER_PAGE = 168;
  static final int MAX_DAILY_COST_BUCKETS_PER_PAGE = 180;
  static final List<String> USAGE_GROUPS =
      List.of("model", "project_id", "api_key_id", "service_tier");
  static final List<String> COST_GROUPS = List.of("project_id", "line_item");

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
  public OpenAiUsageSource(HardenedHttpClient client, String baseUrl, Clock clock) {
    this(client, baseUrl, clock, PageDrainer.DEFAULT_MAX_PAGES);
  }

  OpenAiUsageSource(HardenedHttpClient client, String baseUrl, Clock clock, int maxPages) {
    this.baseUrl = client.baseUrl(baseUrl);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.http = new ProviderHttp(client, new OpenAiDialect(), clock);
    this.drainer = new PageDrainer(maxPages);
  }

  @Override
  public Provider provider() {
    return Provider.OPENAI;
  }

  @Override
  public List<UsageBucket> fetchUsage(
      SecretBytes adminKey, TimeWindow window, FetchProgress progress) {
    FetchWindows.requireFetchable(window, BucketWidth.HOUR, clock.instant());
    int limit = FetchWindows.pageLimit(window, BucketWidth.HOUR, MAX_HOURLY_BUCKETS_PER_PAGE);
    HttpUrl url = reportUrl("organization/usage/completions", window, BucketWidth.HOUR, limit);
    HttpUrl grouped = groupBy(url, USAGE_GROUPS);

    return drainer.drain(
        cursor ->
            BucketPages.read(
                http.get(withPage(grouped, cursor), adminKey),
                OpenAiReports.LAYOUT,
                BucketWidth.HOUR,
                window,
                OpenAiReports::usageRow),
        progress);
  }

  @Override
  public List<CostBucket> fetchCosts(
      SecretBytes adminKey, TimeWindow window, FetchProgress progress) {
    FetchWindows.requireFetchable(window, BucketWidth.DAY, clock.instant());
    int limit = FetchWindows.pageLimit(window, BucketWidth.DAY, MAX_DAILY_COST_BUCKETS_PER_PAGE);
    HttpUrl url =
        groupBy(reportUrl("organization/costs", window, BucketWidth.DAY, limit), COST_GROUPS);

    return drainer.drain(
        cursor ->
            BucketPages.read(
                http.get(withPage(url, cursor), adminKey),
                OpenAiReports.LAYOUT,
                BucketWidth.DAY,
                window,
                OpenAiReports::costRow),
        progress);
  }

  @Override
  public List<EntityName> fetchNames(SecretBytes adminKey) {
    return new OpenAiNames(http, baseUrl, drainer).fetch(adminKey);
  }

  private HttpUrl reportUrl(String path, TimeWindow window, BucketWidth width, int limit) {
    return baseUrl
        .newBuilder()
        .addPathSegments(path)
        .addQueryParameter("start_time", Long.toString(window.start().getEpochSecond()))
        .addQueryParameter("end_time", Long.toString(window.end().getEpochSecond()))
        .addQueryParameter("bucket_width", width.wireName())
        .addQueryParameter("limit", Integer.toString(limit))
        .build();
  }

  /** Repeats {@code group_by} per value, the form OpenAI's own examples send. */
  private static HttpUrl groupBy(HttpUrl url, List<String> groups) {
    HttpUrl.Builder builder = url.newBuilder();
    groups.forEach(group -> builder.addQueryParameter("group_by", group));
    return builder.build();
  }

  private static HttpUrl withPage(HttpUrl url, String cursor) {
    return cursor == null ? url : url.newBuilder().addQueryParameter("page", cursor).build();
  }
}
