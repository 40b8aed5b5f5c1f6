package dev.reckon.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One combination of usage dimensions (project or workspace, key, user, model, tier) with its own
 * traffic profile. The hourly usage of an organization is the sum over its streams.
 *
 * @param index the stream's position in its organization, part of every hash of its usage
 * @param projectId the project or workspace, or null for unattributed usage
 * @param apiKeyId the key, or null for Playground or Workbench usage
 * @param userId the OpenAI user, or null
 * @param serviceTier the tier as the provider reports it ({@code default}, {@code flex}, {@code
 *     standard}, {@code batch})
 * @param batch whether OpenAI reports the usage as batch
 * @param contextWindow Anthropic's context window band, or null for OpenAI
 * @param activeUntil the instant after which the stream has no usage, or null
 * @param dimensions the JSON field names of the provider's grouping dimensions and this stream's
 *     values, in the provider's field order
 */
record UsageStream(
    int index,
    String projectId,
    String apiKeyId,
    String userId,
    String model,
    String serviceTier,
    boolean batch,
    String contextWindow,
    ActivityProfile profile,
    Instant activeUntil,
    Map<String, Object> dimensions) {

  /** OpenAI completions dimensions, in the order of the fields of a result row. */
  static final List<String> OPENAI_DIMENSIONS =
      List.of("project_id", "user_id", "api_key_id", "model", "batch", "service_tier");

  /** Anthropic messages usage dimensions, in the order of the fields of a result row. */
  static final List<String> ANTHROPIC_DIMENSIONS =
      List.of(
          "model",
          "api_key_id",
          "workspace_id",
          "account_id",
          "service_account_id",
          "service_tier",
          "context_window",
          "inference_geo");

  static UsageStream openAi(
      int index,
      String projectId,
      String apiKeyId,
      String userId,
      String model,
      String serviceTier,
      boolean batch,
      ActivityProfile profile,
      Instant activeUntil) {
    Map<String, Object> dimensions = new LinkedHashMap<>();
    dimensions.put("project_id", projectId);
    dimensions.put("user_id", userId);
    dimensions.put("api_key_id", apiKeyId);
    dimensions.put("model", model);
    dimensions.put("batch", batch);
    dimensions.put("service_tier", serviceTier);
    return new UsageStream(
        index,
        projectId,
        apiKeyId,
        userId,
        model,
        serviceTier,
        batch,
        null,
        profile,
        activeUntil,
        Collections.unmodifiableMap(dimensions));
  }

  /**
   * Creates an Anthropic stream. Its usage comes from API keys, so {@code account_id} and {@code
   * service_account_id} are null even when grouped, as for real key-based traffic.
   */
  static UsageStream anthropic(
      int index,
      String workspaceId,
      String apiKeyId,
      String model,
      String serviceTier,
      String contextWindow,
      ActivityProfile profile,
      Instant activeUntil) {
    Map<String, Object> dimensions = new LinkedHashMap<>();
    dimensions.put("model", model);
    dimensions.put("api_key_id", apiKeyId);
    dimensions.put("workspace_id", workspaceId);
    dimensions.put("account_id", null);
    dimensions.put("service_account_id", null);
    dimensions.put("service_tier", serviceTier);
    dimensions.put("context_window", contextWindow);
    dimensions.put("inference_geo", "global");
    return new UsageStream(
        index,
        workspaceId,
        apiKeyId,
        null,
        model,
        serviceTier,
        "batch".equals(serviceTier),
        contextWindow,
        profile,
        activeUntil,
        Collections.unmodifiableMap(dimensions));
  }

  boolean isActiveAt(long epochSecond) {
    return activeUntil == null || epochSecond < activeUntil.getEpochSecond();
  }
}
