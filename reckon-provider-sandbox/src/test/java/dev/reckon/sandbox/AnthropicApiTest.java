package dev.reckon.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AnthropicApiTest {

  private static final ProviderSandbox SANDBOX = SandboxHttp.start();
  private static final SandboxHttp HTTP = new SandboxHttp(SANDBOX);
  private static final SandboxAdminKey FERNHILL =
      SandboxHttp.key(SANDBOX, SandboxProvider.ANTHROPIC, 0);
  private static final String USAGE =
      "/v1/organizations/usage_report/messages?starting_at=2026-11-10T00:00:00Z";
  private static final String COSTS =
      "/v1/organizations/cost_report?starting_at=2026-11-10T00:00:00Z";

  @AfterAll
  static void stop() {
    SANDBOX.close();
  }

  @Test
  void missingKeyGets401WithRequestId() {
    HttpResponse<byte[]> response = HTTP.anthropic(USAGE, null);

    String requestId = response.headers().firstValue("request-id").orElseThrow();
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(requestId).matches("req_011[A-Za-z0-9]{24}");
    assertThat(SandboxHttp.text(response))
        .isEqualTo(
            "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                + "\"message\":\"x-api-key header is required\"},\"request_id\":\""
                + requestId
                + "\"}");
  }

  @Test
  void unknownKeyGets401() {
    HttpResponse<byte[]> response = HTTP.anthropic(USAGE, "sk-ant-admin01-FAKE-unknown-0000");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(error(response).get("type").asText()).isEqualTo("authentication_error");
    assertThat(error(response).get("message").asText()).isEqualTo("invalid x-api-key");
  }

  @Test
  void workspaceKeyGets403() {
    String workspaceKey = SANDBOX.nonAdminKey(SandboxProvider.ANTHROPIC);

    HttpResponse<byte[]> response = HTTP.anthropic(COSTS, workspaceKey);

    assertThat(workspaceKey).startsWith("sk-ant-api03-sandbox-");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(error(response).get("type").asText()).isEqualTo("permission_error");
    assertThat(error(response).get("message").asText())
        .isEqualTo(
            "This endpoint requires an admin API key (sk-ant-admin...); workspace API keys cannot"
                + " read organization usage");
  }

  @Test
  void missingVersionHeaderGets400() {
    HttpRequest request =
        HTTP.request(SANDBOX.anthropicBaseUrl() + USAGE)
            .header("x-api-key", FERNHILL.key())
            .build();

    HttpResponse<byte[]> response = HTTP.send(request);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response).get("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error(response).get("message").asText())
        .isEqualTo("anthropic-version: header is required");
  }

  @Test
  void futureEndingAtGets400() {
    HttpResponse<byte[]> response =
        HTTP.anthropic(USAGE + "&ending_at=2026-11-21T00:00:00Z", FERNHILL.key());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response).get("message").asText())
        .isEqualTo(
            "'ending_at' must not be in the future (was 2026-11-21T00:00:00Z, now is"
                + " 2026-11-20T15:27:41Z)");
  }

  @Test
  void startingAtSnapsToBucketStart() {
    JsonNode page =
        SandboxHttp.json(
            HTTP.anthropic(
                "/v1/organizations/usage_report/messages?starting_at=2026-11-10T10:30:00Z"
                    + "&ending_at=2026-11-12T06:00:00Z",
                FERNHILL.key()));

    JsonNode data = page.get("data");
    assertThat(data).hasSize(2);
    assertThat(data.get(0).get("starting_at").asText()).isEqualTo("2026-11-10T00:00:00Z");
    assertThat(data.get(0).get("ending_at").asText()).isEqualTo("2026-11-11T00:00:00Z");
    assertThat(data.get(1).get("ending_at").asText()).isEqualTo("2026-11-12T00:00:00Z");
    assertThat(page.get("has_more").asBoolean()).isFalse();
  }

  @Test
  void usageRowsNestCacheWrites() {
    JsonNode page = SandboxHttp.json(HTTP.anthropic(USAGE + "&limit=1", FERNHILL.key()));

    JsonNode row = page.get("data").get(0).get("results").get(0);
    assertThat(row.has("cache_creation")).isTrue();
    assertThat(row.get("cache_creation").has("ephemeral_5m_input_tokens")).isTrue();
    assertThat(row.get("cache_creation").has("ephemeral_1h_input_tokens")).isTrue();
    assertThat(row.get("server_tool_use").has("web_search_requests")).isTrue();
    assertThat(row.has("cache_creation_input_tokens")).isFalse();
    assertThat(row.has("requests")).isFalse();
    assertThat(row.has("num_model_requests")).isFalse();
    assertThat(row.get("workspace_id").isNull()).isTrue();
  }

  @Test
  void costWithoutCompleteDayGets400() {
    HttpResponse<byte[]> response =
        HTTP.anthropic(
            "/v1/organizations/cost_report?starting_at=2026-11-20T03:00:00Z", FERNHILL.key());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response).get("message").asText())
        .isEqualTo("Invalid date range: ending date must be after starting date");
  }

  @Test
  void costAmountsAreCentStrings() {
    JsonNode page =
        SandboxHttp.json(HTTP.anthropic(COSTS + "&group_by%5B%5D=description", FERNHILL.key()));

    List<JsonNode> rows = new ArrayList<>();
    page.get("data").forEach(bucket -> bucket.get("results").forEach(rows::add));
    assertThat(rows).isNotEmpty();
    assertThat(rows).allMatch(row -> row.get("amount").isTextual());
    assertThat(rows).allMatch(row -> row.get("amount").asText().matches("\\d+\\.\\d{10}"));
    assertThat(rows).allMatch(row -> row.get("currency").asText().equals("USD"));
    assertThat(rows)
        .anyMatch(
            row ->
                row.get("description").asText().equals("Claude Sonnet 4.5 Usage - Input Tokens")
                    && row.get("token_type").asText().equals("uncached_input_tokens")
                    && row.get("cost_type").asText().equals("tokens"));
  }

  @Test
  void limitsAreChecked() {
    HttpResponse<byte[]> costTooMany = HTTP.anthropic(COSTS + "&limit=32", FERNHILL.key());
    HttpResponse<byte[]> hourlyTooMany =
        HTTP.anthropic(USAGE + "&bucket_width=1h&limit=169", FERNHILL.key());
    HttpResponse<byte[]> hourlyCost = HTTP.anthropic(COSTS + "&bucket_width=1h", FERNHILL.key());

    assertThat(costTooMany.statusCode()).isEqualTo(400);
    assertThat(error(costTooMany).get("message").asText())
        .isEqualTo("Invalid value for 'limit': must be between 1 and 31 (was 32)");
    assertThat(error(hourlyTooMany).get("message").asText())
        .isEqualTo(
            "Invalid value for 'limit': must be between 1 and 168 when bucket_width is 1h (was"
                + " 169)");
    assertThat(error(hourlyCost).get("message").asText())
        .isEqualTo(
            "Invalid value for 'bucket_width': this endpoint serves only 1d buckets (was '1h')");
  }

  @Test
  void groupByNeedsBracketsAndKnownValues() {
    HttpResponse<byte[]> plain = HTTP.anthropic(USAGE + "&group_by=model", FERNHILL.key());
    HttpResponse<byte[]> unknown =
        HTTP.anthropic(USAGE + "&group_by%5B%5D=project_id", FERNHILL.key());
    HttpResponse<byte[]> costByKey =
        HTTP.anthropic(COSTS + "&group_by%5B%5D=api_key_id", FERNHILL.key());

    assertThat(error(plain).get("message").asText())
        .isEqualTo("Unrecognized request argument supplied: group_by");
    assertThat(error(unknown).get("message").asText())
        .isEqualTo(
            "Invalid value for 'group_by[]': 'project_id' is not one of model, api_key_id,"
                + " workspace_id, account_id, service_account_id, service_tier, context_window,"
                + " inference_geo");
    assertThat(error(costByKey).get("message").asText())
        .isEqualTo(
            "Invalid value for 'group_by[]': 'api_key_id' is not one of workspace_id, description");
  }

  @Test
  void serviceTierFilterKeepsOnlyThatTier() {
    JsonNode page =
        SandboxHttp.json(
            HTTP.anthropic(
                USAGE + "&group_by%5B%5D=service_tier&service_tiers%5B%5D=standard",
                FERNHILL.key()));

    List<String> tiers = new ArrayList<>();
    page.get("data")
        .forEach(
            bucket ->
                bucket.get("results").forEach(row -> tiers.add(row.get("service_tier").asText())));
    assertThat(tiers).isNotEmpty();
    assertThat(tiers).containsOnly("standard");
  }

  @Test
  void workspacesHideArchivedUnlessAsked() {
    JsonNode active =
        SandboxHttp.json(HTTP.anthropic("/v1/organizations/workspaces", FERNHILL.key()));
    JsonNode all =
        SandboxHttp.json(
            HTTP.anthropic("/v1/organizations/workspaces?include_archived=true", FERNHILL.key()));

    assertThat(all.get("data").size()).isEqualTo(active.get("data").size() + 1);
    assertThat(all.get("data").get(0).get("id").asText()).startsWith("wrkspc_01");
    assertThat(all.get("data").get(0).get("type").asText()).isEqualTo("workspace");
    assertThat(all.has("object")).isFalse();
    assertThat(all.get("has_more").asBoolean()).isFalse();
  }

  @Test
  void apiKeysIncludeDefaultWorkspaceAndArchivedKeys() {
    JsonNode all = SandboxHttp.json(HTTP.anthropic("/v1/organizations/api_keys", FERNHILL.key()));
    JsonNode archived =
        SandboxHttp.json(
            HTTP.anthropic("/v1/organizations/api_keys?status=archived", FERNHILL.key()));
    JsonNode firstPage =
        SandboxHttp.json(HTTP.anthropic("/v1/organizations/api_keys?limit=2", FERNHILL.key()));
    String lastId = firstPage.get("last_id").asText();
    JsonNode secondPage =
        SandboxHttp.json(
            HTTP.anthropic(
                "/v1/organizations/api_keys?limit=2&after_id=" + lastId, FERNHILL.key()));

    List<JsonNode> keys = new ArrayList<>();
    all.get("data").forEach(keys::add);
    assertThat(keys).hasSizeBetween(3, 6);
    assertThat(keys).anyMatch(key -> key.get("workspace_id").isNull());
    assertThat(keys).allMatch(key -> key.get("id").asText().startsWith("apikey_01"));
    assertThat(archived.get("data")).hasSize(1);
    assertThat(firstPage.get("has_more").asBoolean()).isTrue();
    assertThat(secondPage.get("data").get(0).get("id").asText())
        .isEqualTo(keys.get(2).get("id").asText());
  }

  @Test
  void meNamesTheOrganization() {
    JsonNode me = SandboxHttp.json(HTTP.anthropic("/v1/organizations/me", FERNHILL.key()));

    assertThat(me.get("id").asText()).isEqualTo(FERNHILL.organizationId());
    assertThat(me.get("type").asText()).isEqualTo("organization");
    assertThat(me.get("name").asText()).isEqualTo(FERNHILL.organizationName());
  }

  @Test
  void unknownPathGets404() {
    HttpResponse<byte[]> response =
        HTTP.anthropic("/v1/organizations/usage_report/claude_code", FERNHILL.key());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(error(response).get("type").asText()).isEqualTo("not_found_error");
  }

  private static JsonNode error(HttpResponse<byte[]> response) {
    return SandboxHttp.json(response).get("error");
  }
}
