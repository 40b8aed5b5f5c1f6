package dev.reckon.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Serves Anthropic's naming endpoints: {@code /v1/organizations/api_keys}, {@code
 * /v1/organizations/workspaces} and {@code /v1/organizations/me}.
 */
final class AnthropicListsEndpoint {

  static final String API_KEYS_PATH = "/v1/organizations/api_keys";
  static final String WORKSPACES_PATH = "/v1/organizations/workspaces";
  static final String ME_PATH = "/v1/organizations/me";

  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 1_000;
  private static final Set<String> KEY_PARAMS =
      Set.of("limit", "after_id", "before_id", "status", "workspace_id", "created_by_user_id");
  private static final Set<String> WORKSPACE_PARAMS =
      Set.of("limit", "after_id", "before_id", "include_archived");
  private static final Set<String> STATUSES = Set.of("active", "inactive", "archived", "expired");

  private final SandboxWorld world;

  AnthropicListsEndpoint(SandboxWorld world) {
    this.world = world;
  }

  ApiResponse apiKeys(Organization org, ApiRequest request) {
    QueryParams query = request.query();
    query.rejectUnknown(KEY_PARAMS);
    int limit = BucketQueries.limit(query, DEFAULT_LIMIT, MAX_LIMIT, "");
    Optional<String> status = query.single("status");
    if (status.isPresent() && !STATUSES.contains(status.get())) {
      throw ApiError.invalid(
          "status",
          "Invalid value for 'status': expected active, inactive, archived or expired (was '"
              + status.get()
              + "')");
    }
    Optional<String> workspace = query.single("workspace_id");
    Optional<String> creator = query.single("created_by_user_id");
    Instant now = world.now();

    List<ApiKey> keys =
        org.apiKeys().stream()
            .filter(key -> status.isEmpty() || status.get().equals(status(key, now)))
            .filter(key -> workspace.isEmpty() || workspace.get().equals(key.projectId()))
            .filter(key -> creator.isEmpty() || creator.get().equals(key.owner().id()))
            .sorted(Comparator.comparing(ApiKey::createdAt))
            .toList();
    IdPage<ApiKey> page = page(query, keys, ApiKey::id, limit);

    ArrayNode data = Json.array();
    for (ApiKey key : page.items()) {
      ObjectNode node = data.addObject();
      node.put("id", key.id());
      node.put("type", "api_key");
      node.put("name", key.name());
      node.put("status", status(key, now));
      node.put("partial_key_hint", key.hint());
      Json.putValue(node, "workspace_id", key.projectId());
      Json.putInstant(node, "created_at", key.createdAt());
      node.putNull("expires_at");
      ObjectNode createdBy = node.putObject("created_by");
      createdBy.put("id", key.owner().id());
      createdBy.put("type", "user");
    }
    return ApiResponse.ok(Json.bytes(list(data, page)));
  }

  ApiResponse workspaces(Organization org, ApiRequest request) {
    QueryParams query = request.query();
    query.rejectUnknown(WORKSPACE_PARAMS);
    int limit = BucketQueries.limit(query, DEFAULT_LIMIT, MAX_LIMIT, "");
    boolean includeArchived = query.optionalBoolean("include_archived", false);
    Instant now = world.now();

    List<Project> workspaces =
        org.projects().stream()
            .filter(workspace -> includeArchived || !workspace.isArchivedAt(now))
            .sorted(Comparator.comparing(Project::createdAt))
            .toList();
    IdPage<Project> page = page(query, workspaces, Project::id, limit);

    ArrayNode data = Json.array();
    for (Project workspace : page.items()) {
      ObjectNode node = data.addObject();
      node.put("id", workspace.id());
      node.put("type", "workspace");
      node.put("name", workspace.name());
      Json.putInstant(node, "created_at", workspace.createdAt());
      Json.putInstant(
          node, "archived_at", workspace.isArchivedAt(now) ? workspace.archivedAt() : null);
      node.put("display_color", workspace.displayColor());
    }
    return ApiResponse.ok(Json.bytes(list(data, page)));
  }

  ApiResponse me(Organization org, ApiRequest request) {
    request.query().rejectUnknown(Set.of());
    ObjectNode body = Json.object();
    body.put("id", org.id());
    body.put("type", "organization");
    body.put("name", org.name());
    return ApiResponse.ok(Json.bytes(body));
  }

  private static String status(ApiKey key, Instant now) {
    return key.isRetiredAt(now) ? "archived" : "active";
  }

  private static <T> IdPage<T> page(
      QueryParams query, List<T> items, Function<T, String> id, int limit) {
    Optional<String> after = query.single("after_id");
    Optional<String> before = query.single("before_id");
    if (after.isPresent() && before.isPresent()) {
      throw ApiError.invalid("before_id", "'after_id' and 'before_id' must not be given together");
    }
    if (before.isPresent()) {
      return IdPage.before(items, id, before.get(), "before_id", limit);
    }
    return IdPage.after(items, id, after.orElse(null), "after_id", limit);
  }

  private static ObjectNode list(ArrayNode data, IdPage<?> page) {
    ObjectNode body = Json.object();
    body.set("data", data);
    body.put("has_more", page.hasMore());
    Json.putValue(body, "first_id", data.isEmpty() ? null : data.get(0).get("id").asText());
    Json.putValue(
        body, "last_id", data.isEmpty() ? null : data.get(data.size() - 1).get("id").asText());
    return body;
  }
}
