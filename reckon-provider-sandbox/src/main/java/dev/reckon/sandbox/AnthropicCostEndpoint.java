package dev.reckon.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Serves Anthropic's {@code GET /v1/organizations/cost_report}, with amounts as cent strings. */
final class AnthropicCostEndpoint {

  static final String PATH = "/v1/organizations/cost_report";

  private static final int DEFAULT_LIMIT = 7;
  private static final int MAX_LIMIT = 31;
  private static final List<String> GROUP_BY = List.of("workspace_id", "description");
  private static final Set<String> PARAMS =
      Set.of("starting_at", "ending_at", "bucket_width", "limit", "page", "group_by[]");

  /** Grouping by description reveals every field that the description is made of. */
  private static final List<String> DESCRIPTION_FIELDS =
      List.of(
          "cost_type",
          "token_type",
          "model",
          "service_tier",
          "context_window",
          "inference_geo",
          "description");

  private final SandboxWorld world;

  AnthropicCostEndpoint(SandboxWorld world) {
    this.world = world;
  }

  ApiResponse handle(Organization org, ApiRequest request) {
    QueryParams query = request.query();
    query.rejectUnknown(PARAMS);
    Instant now = world.now();
    BucketWidth width = BucketQueries.width(query, true);
    BucketSequence sequence = AnthropicWindow.buckets(query, now, width);
    if (sequence.isEmpty()) {
      throw ApiError.invalid("ending_at", AnthropicWindow.INVALID_RANGE);
    }
    int limit = BucketQueries.limit(query, DEFAULT_LIMIT, MAX_LIMIT, "");
    List<String> groupBy = BucketQueries.groupBy(query, "group_by[]", GROUP_BY);
    long position = BucketQueries.position(query, PATH, sequence);

    BucketSequence.Page page = sequence.page(position, limit);
    History history = History.at(now);
    List<String> revealed = revealedFields(groupBy);
    ArrayNode data = Json.array();
    for (Bucket bucket : page.buckets()) {
      ObjectNode node = AnthropicApi.bucket(data, bucket);
      ArrayNode results = node.putArray("results");
      groups(world.costLines(org, bucket, history), revealed)
          .forEach((key, cents) -> row(results, key, cents));
    }
    return ApiResponse.ok(Json.bytes(AnthropicApi.page(data, page, query, PATH)));
  }

  private static List<String> revealedFields(List<String> groupBy) {
    List<String> revealed = new ArrayList<>();
    if (groupBy.contains("description")) {
      revealed.addAll(DESCRIPTION_FIELDS);
    }
    if (groupBy.contains("workspace_id")) {
      revealed.add("workspace_id");
    }
    return revealed;
  }

  private static Map<List<Object>, BigDecimal> groups(List<CostLine> lines, List<String> revealed) {
    Map<List<Object>, BigDecimal> groups = new TreeMap<>(Grouping.KEY_ORDER);
    for (CostLine line : lines) {
      List<Object> key = Grouping.key(line.dimensions(), AnthropicCostLines.DIMENSIONS, revealed);
      groups.merge(key, line.amount(), BigDecimal::add);
    }
    return groups;
  }

  private static void row(ArrayNode results, List<Object> key, BigDecimal cents) {
    ObjectNode row = results.addObject();
    row.put("amount", cents.toPlainString());
    row.put("currency", "USD");
    for (int i = 0; i < key.size(); i++) {
      Json.putValue(row, AnthropicCostLines.DIMENSIONS.get(i), key.get(i));
    }
  }
}
