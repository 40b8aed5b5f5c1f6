package dev.reckon.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Serves OpenAI's {@code GET /organization/usage/completions}. */
final class OpenAiUsageEndpoint {

  static final String PATH = "/organization/usage/completions";

  private static final Set<String> PARAMS =
      Set.of(
          "start_time",
          "end_time",
          "bucket_width",
          "limit",
          "page",
          "group_by",
          "project_ids",
          "user_ids",
          "api_key_ids",
          "models",
          "batch");

  private static final Map<String, String> FILTERS =
      Map.of(
          "project_ids", "project_id",
          "user_ids", "user_id",
          "api_key_ids", "api_key_id",
          "models", "model");

  private final SandboxWorld world;

  OpenAiUsageEndpoint(SandboxWorld world) {
    this.world = world;
  }

  ApiResponse handle(Organization org, ApiRequest request) {
    QueryParams query = request.query();
    query.rejectUnknown(PARAMS);
    Instant now = world.now();
    BucketWidth width = BucketQueries.width(query, false);
    BucketSequence sequence = OpenAiWindow.buckets(query, now, width);
    String scope = " when bucket_width is " + width.label();
    int limit = BucketQueries.limit(query, width.defaultUsageLimit(), width.maxUsageLimit(), scope);
    List<String> groupBy = BucketQueries.groupBy(query, "group_by", UsageStream.OPENAI_DIMENSIONS);
    Map<String, Set<String>> filters = BucketQueries.filters(query, FILTERS);
    if (query.single("batch").isPresent()) {
      filters.put("batch", Set.of(String.valueOf(query.optionalBoolean("batch", false))));
    }
    long position = BucketQueries.position(query, PATH, sequence);

    BucketSequence.Page page = sequence.page(position, limit);
    History history = History.at(now);
    ArrayNode data = Json.array();
    for (Bucket bucket : page.buckets()) {
      ObjectNode node = data.addObject();
      node.put("object", "bucket");
      node.put("start_time", bucket.start());
      node.put("end_time", bucket.end());
      ArrayNode results = node.putArray("results");
      groups(org, bucket, groupBy, filters, history)
          .forEach((key, totals) -> row(results, key, totals));
    }
    return ApiResponse.ok(Json.bytes(OpenAiApi.page(data, page, query, PATH)));
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
        List<Object> key = Grouping.key(dimensions, UsageStream.OPENAI_DIMENSIONS, groupBy);
        groups.merge(key, record.totals(), TokenTotals::plus);
      }
    }
    return groups;
  }

  /**
   * Writes one result row. The sandbox's usage is all text, so the per-modality text fields repeat
   * the totals and the audio and image fields are 0.
   */
  private static void row(ArrayNode results, List<Object> key, TokenTotals totals) {
    long input = totals.uncachedInput() + totals.cachedInput() + totals.cacheWrite5m();
    ObjectNode row = results.addObject();
    row.put("object", "organization.usage.completions.result");
    row.put("input_tokens", input);
    row.put("input_cached_tokens", totals.cachedInput());
    row.put("input_cache_write_tokens", totals.cacheWrite5m());
    row.put("input_uncached_tokens", totals.uncachedInput());
    row.put("output_tokens", totals.output());
    row.put("input_text_tokens", input);
    row.put("output_text_tokens", totals.output());
    row.put("input_cached_text_tokens", totals.cachedInput());
    row.put("input_audio_tokens", 0);
    row.put("input_cached_audio_tokens", 0);
    row.put("output_audio_tokens", 0);
    row.put("input_image_tokens", 0);
    row.put("input_cached_image_tokens", 0);
    row.put("output_image_tokens", 0);
    row.put("num_model_requests", totals.requests());
    for (int i = 0; i < key.size(); i++) {
      Json.putValue(row, UsageStream.OPENAI_DIMENSIONS.get(i), key.get(i));
    }
  }
}
