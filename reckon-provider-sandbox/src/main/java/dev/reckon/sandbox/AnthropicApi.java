package dev.reckon.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Anthropic's admin API: {@code x-api-key} authentication, the required {@code anthropic-version}
 * header, routing and the {@code {"type": "error", …}} shape.
 */
final class AnthropicApi implements ProviderApi {

  static final String PREFIX = "/anthropic";

  private static final Set<String> VERSIONS = Set.of("2023-06-01", "2023-01-01");

  private final SandboxWorld world;
  private final AnthropicUsageEndpoint usage;
  private final AnthropicCostEndpoint costs;
  private final AnthropicListsEndpoint lists;

  AnthropicApi(SandboxWorld world) {
    this.world = world;
    this.usage = new AnthropicUsageEndpoint(world);
    this.costs = new AnthropicCostEndpoint(world);
    this.lists = new AnthropicListsEndpoint(world);
  }

  @Override
  public SandboxProvider provider() {
    return SandboxProvider.ANTHROPIC;
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public String requestIdHeader() {
    return "request-id";
  }

  @Override
  public Optional<String> credential(ApiRequest request) {
    return request.header("x-api-key").map(String::trim);
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    Organization org = authenticate(request);
    requireVersion(request);
    String path = request.path();
    switch (path) {
      case AnthropicUsageEndpoint.PATH -> {
        requireGet(request);
        return usage.handle(org, request);
      }
      case AnthropicCostEndpoint.PATH -> {
        requireGet(request);
        return costs.handle(org, request);
      }
      case AnthropicListsEndpoint.API_KEYS_PATH -> {
        requireGet(request);
        return lists.apiKeys(org, request);
      }
      case AnthropicListsEndpoint.WORKSPACES_PATH -> {
        requireGet(request);
        return lists.workspaces(org, request);
      }
      case AnthropicListsEndpoint.ME_PATH -> {
        requireGet(request);
        return lists.me(org, request);
      }
      default -> throw ApiError.of(ApiError.Kind.NOT_FOUND, "Not found: " + path);
    }
  }

  @Override
  public byte[] errorBody(ApiError error, String requestId) {
    ObjectNode body = Json.object();
    body.put("type", "error");
    ObjectNode detail = body.putObject("error");
    detail.put("type", errorType(error.kind()));
    detail.put("message", error.getMessage());
    body.put("request_id", requestId);
    return Json.bytes(body);
  }

  @Override
  public String requestId(long sequence) {
    return "req_011" + new SeededRandom(Hashing.hash(world.seed(), 21, sequence)).alphanumeric(24);
  }

  /** Adds a bucket with RFC 3339 bounds to the data array and returns it. */
  static ObjectNode bucket(ArrayNode data, Bucket bucket) {
    ObjectNode node = data.addObject();
    Json.putInstant(node, "starting_at", Instant.ofEpochSecond(bucket.start()));
    Json.putInstant(node, "ending_at", Instant.ofEpochSecond(bucket.end()));
    return node;
  }

  /** Builds the usage and cost report envelope around the buckets of a page. */
  static ObjectNode page(ArrayNode data, BucketSequence.Page page, QueryParams query, String path) {
    ObjectNode body = Json.object();
    body.set("data", data);
    body.put("has_more", page.next() != null);
    Json.putValue(body, "next_page", BucketQueries.nextPage(page, query, path));
    return body;
  }

  private Organization authenticate(ApiRequest request) {
    Optional<String> key = credential(request);
    if (key.isEmpty() || key.get().isEmpty()) {
      throw ApiError.of(ApiError.Kind.AUTHENTICATION, "x-api-key header is required");
    }
    if (key.get().equals(world.nonAdminKey(SandboxProvider.ANTHROPIC))) {
      throw ApiError.of(
          ApiError.Kind.PERMISSION,
          "This endpoint requires an admin API key (sk-ant-admin...); workspace API keys cannot"
              + " read organization usage");
    }
    return world
        .organizationByAdminKey(SandboxProvider.ANTHROPIC, key.get())
        .orElseThrow(() -> ApiError.of(ApiError.Kind.AUTHENTICATION, "invalid x-api-key"));
  }

  private static void requireVersion(ApiRequest request) {
    Optional<String> version = request.header("anthropic-version");
    if (version.isEmpty()) {
      throw ApiError.of(ApiError.Kind.INVALID_REQUEST, "anthropic-version: header is required");
    }
    if (!VERSIONS.contains(version.get())) {
      throw ApiError.of(
          ApiError.Kind.INVALID_REQUEST,
          "anthropic-version: '" + version.get() + "' is not a valid version; use 2023-06-01");
    }
  }

  private static void requireGet(ApiRequest request) {
    if (!request.method().equals("GET")) {
      throw ApiError.of(
          ApiError.Kind.METHOD_NOT_ALLOWED,
          "Method " + request.method() + " is not allowed on " + request.path() + "; use GET");
    }
  }

  private static String errorType(ApiError.Kind kind) {
    return switch (kind) {
      case INVALID_REQUEST, METHOD_NOT_ALLOWED -> "invalid_request_error";
      case AUTHENTICATION -> "authentication_error";
      case PERMISSION -> "permission_error";
      case NOT_FOUND -> "not_found_error";
      case RATE_LIMITED -> "rate_limit_error";
      case SERVER_ERROR -> "api_error";
      case OVERLOADED -> "overloaded_error";
    };
  }
}
