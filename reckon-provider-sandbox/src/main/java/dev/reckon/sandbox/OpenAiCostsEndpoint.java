package dev.reckon.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Serves OpenAI's {@code GET /organization/costs}, with amounts in dollars as JSON numbers. */
final class OpenAiCostsEndpoint {

  static final String PATH = "/organization/costs";

  private static final int DEFAULT_LIMIT = 7;
  private static final int MAX_LIMIT = 180;
  private static final List<String> GROUP_BY = List.of("project_id", "line_item", "api_key_id");

  private static final Set<String> PARAMS =
      Set.of(
          "start_time",
          "end_time",
          "bucket_width",
          "limit",
          "page",
          "group_by",
          "project_ids",
          "api_key_ids");

  private static final Map<String, String> FILTERS =
      Map.of("project_ids", "project_id", "api_key_ids", "api_key_id");

  private final SandboxWorld world;

  OpenAiCostsEndpoint(SandboxWorld world) {
    this.world = world;
  }

  ApiResponse handle(Organization org, ApiRequest request) {
    QueryParams query = request.query();
    query.rejectUnknown(PARAMS);
    Instant now = world.now();
    BucketWidth width = BucketQueries.width(query, true);
    BucketSequence sequence = OpenAiWindow.buckets(query, now, width);
    int limit = BucketQueries.limit(query, DEFAULT_LIMIT, MAX_LIMIT, "");
    List<String> groupBy = BucketQueries.groupBy(query, "group_by", GROUP_BY);
    Map<String, Set<String>> filters = BucketQueries.filters(query, FILTERS);
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
      List<CostLine> lines = world.costLines(org, bucket, history);
      groups(lines, groupBy, filters).forEach((key, group) -> row(results, key, group, groupBy));
    }
    return ApiResponse.ok(Json.bytes(OpenAiApi.page(data, page, query, PATH)));
  }

  private static Map<List<Object>, CostGroup> groups(
      List<CostLine> lines, List<String> groupBy, Map<String, Set<String>> filters) {
    Map<List<Object>, CostGroup> groups = new TreeMap<>(Grouping.KEY_ORDER);
    for (CostLine line : lines) {
      if (BucketQueries.matches(line.dimensions(), filters)) {
        List<Object> key = Grouping.key(line.dimensions(), OpenAiCostLines.DIMENSIONS, groupBy);
        groups.computeIfAbsent(key, k -> new CostGroup(line.quantityUnit())).add(line);
      }
    }
    return groups;
  }

  /** Writes one result row; quantity and its unit are set only when grouped by line item. */
  private static void row(
      ArrayNode results, List<Object> key, CostGroup group, List<String> groupBy) {
    boolean byLineItem = groupBy.contains("line_item");
    ObjectNode row = results.addObject();
    row.put("object", "organization.costs.result");
    ObjectNode amount = row.putObject("amount");
    amount.put("value", group.amount);
    amount.put("currency", "usd");
    Json.putValue(row, "line_item", key.get(2));
    Json.putValue(row, "project_id", key.get(0));
    Json.putValue(row, "api_key_id", key.get(1));
    if (byLineItem && group.quantity != null) {
      row.put("quantity", group.quantity);
    } else {
      row.putNull("quantity");
    }
    Json.putValue(row, "quantity_unit", byLineItem ? group.unit : null);
  }

  /** The sum of the cost lines of one group. */
  private static final class CostGroup {
    private final String unit;
    private BigDecimal amount = BigDecimal.ZERO.setScale(CostLine.SCALE);
    private Long quantity;

    private CostGroup(String unit) {
      this.unit = unit;
    }

    private void add(CostLine line) {
      amount = amount.add(line.amount());
      if (line.quantity() != null) {
        quantity = quantity == null ? line.quantity() : quantity + line.quantity();
      }
    }
  }
}
