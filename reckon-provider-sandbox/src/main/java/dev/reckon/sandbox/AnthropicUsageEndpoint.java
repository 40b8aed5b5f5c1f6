package dev.reckon.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Serves Anthropic's {@code GET /v1/organizations/usage_report/messages}. */
final class AnthropicUsageEndpoint {

  static final String PATH = "/v1/organizations/usage_report/messages";

  private static final Map<String, String> FILTERS =
      Map.of(
          "api_key_ids[]", "api_key_id",
          "workspace_ids[]", "workspace_id",
          "models[]", "model",
          "service_tiers[]", "service_tier",
          "context_window[]", "context_window",
          "account_ids[]", "account_id",
          "service_account_ids[]", "service_account_id",
          "inference_geos[]", "inference_geo");

  private static final Set<String> PARAMS = params();

  private final SandboxWorld world;

  AnthropicUsageEndpoint(SandboxWorld world) {
    this.world = world;
  }

  ApiResponse handle(Organization org, ApiRequest request) {
    QueryParams query = request.query();
    query.rejectUnknown(PARAMS);
    Instant now = world.now();
    BucketWidth width = BucketQueries.width(query, false);
    BucketSequence sequence = AnthropicWindow.buckets(query, now, width);
    String scope = " when bucket_width is " + width.label();
    int limit = BucketQueries.limit(query, width.defaultUsageLimit(), width.maxUsageLimit(), scope);
    List<String> groupBy =
        BucketQueries.groupBy(query, "group_by[]", UsageStream.ANTHROPIC_DIMENSIONS);
    Map<String, Set<String>> filters = BucketQueries.filters(query, FILTERS);
    long position = BucketQueries.position(query, PATH, sequence);

    BucketSequence.Page page = sequence.page(position, limit);
    History history = History.at(now);
    ArrayNode data = Json.array();
    for (Bucket bucket : page.buckets()) {
      ObjectNode node = AnthropicApi.bucket(data, bucket);
      ArrayNode results = node.putArray("results");
      groups(org, bucket, groupBy, filters, history)
          .forEach((key, totals) -> row(results, key, totals));
    }
    return ApiResponse.ok(Json.bytes(AnthropicApi.page(data, page, query, PATH)));
  }

  private Map<List<Object>, TokenTotals> groups(
      Organization org,
      Bucket bucket,
      List<String> groupBy,
      Map<String, Set<String>> filters,
      History history) {
    Map<List<Object>, TokenTotals> groups = new TreeMap<>(Grouping.KEY_ORDER);
    for (UsageRecord record : world.records(org, bucket, history)) {
      Map<String, Object> dimensions = record.stream().dimensions();
      if (BucketQueries.matches(dimensions, filters)) {
        List<Object> key = Grouping.key(dimensions, UsageStream.ANTHROPIC_DIMENSIONS, groupBy);
        groups.merge(key, record.totals(), TokenTotals::plus);
      }
    }
    return groups;
  }

  /** Writes one result row; cache writes are nested and there is no request count. */
  private static void row(ArrayNode results, List<Object> key, TokenTotals totals) {
    ObjectNode row = results.addObject();
    row.put("uncached_input_tokens", totals.uncachedInput());
    ObjectNode cacheCreation = row.putObject("cache_creation");
    cacheCreation.put("ephemeral_1h_input_tokens", totals.cacheWrite1h());
    cacheCreation.put("ephemeral_5m_input_tokens", totals.cacheWrite5m());
    row.put("cache_read_input_tokens", totals.cachedInput());
    row.put("output_tokens", totals.output());
    row.putObject("server_tool_use").put("web_search_requests", totals.webSearchRequests());
    for (int i = 0; i < key.size(); i++) {
      Json.putValue(row, UsageStream.ANTHROPIC_DIMENSIONS.get(i), key.get(i));
    }
  }

  private static Set<String> params() {
    Set<String> params =
        new HashSet<>(
            Set.of("starting_at", "ending_at", "bucket_width", "limit", "page", "group_by[]"));
    params.addAll(FILTERS.keySet());
    return Set.copyOf(params);
  }
}
