package dev.reckon.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Serves OpenAI's naming lists: {@code GET /organization/projects} and {@code GET
 * /organization/projects/{project_id}/api_keys}.
 */
final class OpenAiProjectsEndpoint {

  static final String PATH = "/organization/projects";

  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 100;
  private static final Set<String> PROJECT_PARAMS = Set.of("limit", "after", "include_archived");
  private static final Set<String> KEY_PARAMS = Set.of("limit", "after", "owner_project_access");
  private static final Set<String> ACCESS_VALUES = Set.of("active", "inactive", "any");

  private final SandboxWorld world;

  OpenAiProjectsEndpoint(SandboxWorld world) {
    this.world = world;
  }

  ApiResponse projects(Organization org, ApiRequest request) {
    QueryParams query = request.query();
    query.rejectUnknown(PROJECT_PARAMS);
    int limit = BucketQueries.limit(query, DEFAULT_LIMIT, MAX_LIMIT, "");
    boolean includeArchived = query.optionalBoolean("include_archived", false);
    Instant now = world.now();

    List<Project> projects =
        org.projects().stream()
            .filter(project -> includeArchived || !project.isArchivedAt(now))
            .sorted(Comparator.comparing(Project::createdAt))
            .toList();
    IdPage<Project> page =
        IdPage.after(projects, Project::id, query.single("after").orElse(null), "after", limit);

    ArrayNode data = Json.array();
    for (Project project : page.items()) {
      ObjectNode node = data.addObject();
      node.put("id", project.id());
      node.put("object", "organization.project");
      node.put("name", project.name());
      Json.putEpochSecond(node, "created_at", project.createdAt());
      Json.putEpochSecond(
          node, "archived_at", project.isArchivedAt(now) ? project.archivedAt() : null);
      node.put("status", project.isArchivedAt(now) ? "archived" : "active");
    }
    return ApiResponse.ok(Json.bytes(list(data, page)));
  }

  ApiResponse apiKeys(Organization org, String projectId, ApiRequest request) {
    QueryParams query = request.query();
    Project project =
        org.project(projectId)
            .orElseThrow(
                () ->
                    ApiError.of(
                        ApiError.Kind.NOT_FOUND,
                        "No project found with id '" + projectId + "' in this organization"));
    query.rejectUnknown(KEY_PARAMS);
    int limit = BucketQueries.limit(query, DEFAULT_LIMIT, MAX_LIMIT, "");
    String access = query.single("owner_project_access").orElse("any");
    if (!ACCESS_VALUES.contains(access)) {
      throw ApiError.invalid(
          "owner_project_access",
          "Invalid value for 'owner_project_access': expected active, inactive or any (was '"
              + access
              + "')");
    }
    Instant now = world.now();

    // Every sandbox key owner keeps access to the project, so "inactive" lists nothing.
    List<ApiKey> keys =
        org.apiKeys().stream()
            .filter(key -> project.id().equals(key.projectId()))
            .filter(key -> !key.isRetiredAt(now))
            .filter(key -> !access.equals("inactive"))
            .sorted(Comparator.comparing(ApiKey::createdAt))
            .toList();
    IdPage<ApiKey> page =
        IdPage.after(keys, ApiKey::id, query.single("after").orElse(null), "after", limit);

    ArrayNode data = Json.array();
    page.items().forEach(key -> apiKey(data.addObject(), key, project, now));
    return ApiResponse.ok(Json.bytes(list(data, page)));
  }

  private static void apiKey(ObjectNode node, ApiKey key, Project project, Instant now) {
    Instant historyEnd = Instant.ofEpochSecond(History.at(now).end());
    Instant lastUsed = OrganizationParts.earliest(project.archivedAt(), historyEnd);
    node.put("object", "organization.project.api_key");
    node.put("redacted_value", key.hint());
    node.put("name", key.name());
    Json.putEpochSecond(node, "created_at", key.createdAt());
    Json.putEpochSecond(node, "last_used_at", lastUsed);
    node.put("id", key.id());
    node.put("owner_project_access", "active");
    ObjectNode owner = node.putObject("owner");
    if (key.serviceAccount()) {
      owner.put("type", "service_account");
      ObjectNode account = owner.putObject("service_account");
      account.put("object", "organization.project.service_account");
      account.put("id", "svc_acct_" + key.id().substring("key_".length()));
      account.put("name", key.name() + " service account");
      account.put("role", "member");
      Json.putEpochSecond(account, "created_at", key.createdAt());
    } else {
      Member member = key.owner();
      owner.put("type", "user");
      ObjectNode user = owner.putObject("user");
      user.put("object", "organization.project.user");
      user.put("id", member.id());
      user.put("name", member.name());
      user.put("email", member.email());
      user.put("role", member.role().equals("owner") ? "owner" : "member");
      Json.putEpochSecond(user, "added_at", member.addedAt());
    }
  }

  private static ObjectNode list(ArrayNode data, IdPage<?> page) {
    ObjectNode body = Json.object();
    body.put("object", "list");
    body.set("data", data);
    Json.putValue(body, "first_id", data.isEmpty() ? null : data.get(0).get("id").asText());
    Json.putValue(
        body, "last_id", data.isEmpty() ? null : data.get(data.size() - 1).get("id").asText());
    body.put("has_more", page.hasMore());
    return body;
  }
}
