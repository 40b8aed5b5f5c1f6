package dev.reckon.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** OpenAI's admin API: bearer authentication, routing and the {@code {"error": …}} shape. */
final class OpenAiApi implements ProviderApi {

  static final String PREFIX = "/openai/v1";

  private static final Pattern PROJECT_KEYS =
      Pattern.compile("/organization/projects/([^/]+)/api_keys");
  private static final String BEARER = "bearer ";

  private final SandboxWorld world;
  private final OpenAiUsageEndpoint usage;
  private final OpenAiCostsEndpoint costs;
  private final OpenAiProjectsEndpoint projects;

  OpenAiApi(SandboxWorld world) {
    this.world = world;
    this.usage = new OpenAiUsageEndpoint(world);
    this.costs = new OpenAiCostsEndpoint(world);
    this.projects = new OpenAiProjectsEndpoint(world);
  }

  @Override
  public SandboxProvider provider() {
    return SandboxProvider.OPENAI;
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public String requestIdHeader() {
    return "x-request-id";
  }

  @Override
  public Optional<String> credential(ApiRequest request) {
    return request
        .header("authorization")
        .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
        .map(value -> value.substring(BEARER.length()).trim());
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    Organization org = authenticate(request);
    String path = request.path();
    Matcher projectKeys = PROJECT_KEYS.matcher(path);
    if (path.equals(OpenAiUsageEndpoint.PATH)) {
      requireGet(request);
      return usage.handle(org, request);
    }
    if (path.equals(OpenAiCostsEndpoint.PATH)) {
      requireGet(request);
      return costs.handle(org, request);
    }
    if (path.equals(OpenAiProjectsEndpoint.PATH)) {
      requireGet(request);
      return projects.projects(org, request);
    }
    if (projectKeys.matches()) {
      requireGet(request);
      return projects.apiKeys(org, projectKeys.group(1), request);
    }
    throw ApiError.of(
        ApiError.Kind.NOT_FOUND, "Invalid URL (" + request.method() + " /v1" + path + ")");
  }

  @Override
  public byte[] errorBody(ApiError error, String requestId) {
    ObjectNode body = Json.object();
    ObjectNode detail = body.putObject("error");
    detail.put("message", error.getMessage());
    detail.put("type", errorType(error.kind()));
    Json.putValue(detail, "param", error.param());
    Json.putValue(detail, "code", error.code());
    return Json.bytes(body);
  }

  @Override
  public String requestId(long sequence) {
    return "req_" + new SeededRandom(Hashing.hash(world.seed(), 11, sequence)).hex(32);
  }

  /** Builds the usage and cost page envelope around the buckets of a page. */
  static ObjectNode page(ArrayNode data, BucketSequence.Page page, QueryParams query, String path) {
    ObjectNode body = Json.object();
    body.put("object", "page");
    body.set("data", data);
    body.put("has_more", page.next() != null);
    Json.putValue(body, "next_page", BucketQueries.nextPage(page, query, path));
    return body;
  }

  private Organization authenticate(ApiRequest request) {
    Optional<String> key = credential(request);
    if (key.isEmpty() || key.get().isEmpty()) {
      throw ApiError.of(
          ApiError.Kind.AUTHENTICATION,
          "You didn't provide an API key. Send an admin key in the Authorization header as"
              + " 'Bearer <key>'.");
    }
    if (key.get().equals(world.nonAdminKey(SandboxProvider.OPENAI))) {
      String scope =
          request.path().startsWith(OpenAiProjectsEndpoint.PATH)
              ? "api.management.read"
              : "api.usage.read";
      throw ApiError.of(
          ApiError.Kind.PERMISSION,
          "You have insufficient permissions for this operation. Missing scopes: "
              + scope
              + ". Use an organization admin key.");
    }
    return world
        .organizationByAdminKey(SandboxProvider.OPENAI, key.get())
        .orElseThrow(
            () ->
                ApiError.withCode(
                    ApiError.Kind.AUTHENTICATION,
                    "Incorrect API key provided: " + KeyHints.lastFour(key.get()) + ".",
                    "invalid_api_key"));
  }

  private static void requireGet(ApiRequest request) {
    if (!request.method().equals("GET")) {
      throw ApiError.of(
          ApiError.Kind.METHOD_NOT_ALLOWED,
          "Method " + request.method() + " is not allowed on /v1" + request.path() + "; use GET");
    }
  }

  private static String errorType(ApiError.Kind kind) {
    return switch (kind) {
      case RATE_LIMITED -> "requests";
      case SERVER_ERROR, OVERLOADED -> "server_error";
      default -> "invalid_request_error";
    };
  }
}
