package dev.reckon.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class OpenAiApiTest {

  private static final ProviderSandbox SANDBOX = SandboxHttp.start();
  private static final SandboxHttp HTTP = new SandboxHttp(SANDBOX);
  private static final SandboxAdminKey ACME = SandboxHttp.key(SANDBOX, SandboxProvider.OPENAI, 0);
  private static final long NOW = SandboxHttp.NOW.getEpochSecond();
  private static final long NOV_10 = Instant.parse("2026-11-10T00:00:00Z").getEpochSecond();
  private static final long NOV_12 = Instant.parse("2026-11-12T00:00:00Z").getEpochSecond();
  private static final String COSTS = "/organization/costs?start_time=" + NOV_10;
  private static final String USAGE = "/organization/usage/completions?start_time=" + NOV_10;

  @AfterAll
  static void stop() {
    SANDBOX.close();
  }

  @Test
  void missingKeyGets401() {
    HttpResponse<byte[]> response = HTTP.openAi(COSTS, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SandboxHttp.text(response))
        .isEqualTo(
            "{\"error\":{\"message\":\"You didn't provide an API key. Send an admin key in the"
                + " Authorization header as 'Bearer <key>'.\",\"type\":\"invalid_request_error\","
                + "\"param\":null,\"code\":null}}");
    assertThat(response.headers().firstValue("x-request-id"))
        .get()
        .asString()
        .matches("req_[0-9a-f]{32}");
  }

  @Test
  void unknownKeyGets401ShowingOnlyLastFour() {
    HttpResponse<byte[]> response = HTTP.openAi(COSTS, "sk-admin-FAKE-unknown-key-0000WXYZ");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SandboxHttp.text(response))
        .isEqualTo(
            "{\"error\":{\"message\":\"Incorrect API key provided: ...WXYZ.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
  }

  @Test
  void anthropicAdminKeyGets401() {
    SandboxAdminKey anthropic = SandboxHttp.key(SANDBOX, SandboxProvider.ANTHROPIC, 0);

    HttpResponse<byte[]> response = HTTP.openAi(COSTS, anthropic.key());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SandboxHttp.json(response).get("error").get("code").asText())
        .isEqualTo("invalid_api_key");
  }

  @Test
  void projectKeyGets403() {
    String projectKey = SANDBOX.nonAdminKey(SandboxProvider.OPENAI);

    HttpResponse<byte[]> usage = HTTP.openAi(COSTS, projectKey);
    HttpResponse<byte[]> projects = HTTP.openAi("/organization/projects", projectKey);

    assertThat(projectKey).startsWith("sk-proj-sandbox-");
    assertThat(usage.statusCode()).isEqualTo(403);
    assertThat(SandboxHttp.text(usage))
        .isEqualTo(
            "{\"error\":{\"message\":\"You have insufficient permissions for this operation."
                + " Missing scopes: api.usage.read. Use an organization admin key.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
    assertThat(projects.statusCode()).isEqualTo(403);
    assertThat(SandboxHttp.json(projects).get("error").get("message").asText())
        .contains("Missing scopes: api.management.read.");
  }

  @Test
  void futureEndTimeGets400() {
    HttpResponse<byte[]> response = HTTP.openAi(COSTS + "&end_time=" + (NOW + 3_600), ACME.key());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.text(response))
        .isEqualTo(
            "{\"error\":{\"message\":\"'end_time' must not be in the future (was "
                + (NOW + 3_600)
                + ", now is "
                + NOW
                + ")\",\"type\":\"invalid_request_error\",\"param\":\"end_time\",\"code\":null}}");
  }

  @Test
  void endTimeEqualToNowIsAccepted() {
    HttpResponse<byte[]> response = HTTP.openAi(USAGE + "&end_time=" + NOW, ACME.key());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void startTimeIsRequiredAndBeforeEnd() {
    HttpResponse<byte[]> missing = HTTP.openAi("/organization/costs", ACME.key());
    HttpResponse<byte[]> reversed =
        HTTP.openAi(COSTS + "&end_time=" + (NOV_10 - 86_400), ACME.key());

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(message(missing)).isEqualTo("Missing required parameter: 'start_time'");
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(message(reversed))
        .isEqualTo(
            "'start_time' must be before 'end_time' (was start_time "
                + NOV_10
                + ", end_time "
                + (NOV_10 - 86_400)
                + ")");
  }

  @Test
  void usageLimitIsCheckedPerBucketWidth() {
    HttpResponse<byte[]> dailyTooMany = HTTP.openAi(USAGE + "&limit=32", ACME.key());
    HttpResponse<byte[]> hourlyTooMany =
        HTTP.openAi(USAGE + "&bucket_width=1h&limit=169", ACME.key());
    HttpResponse<byte[]> hourlyMax = HTTP.openAi(USAGE + "&bucket_width=1h&limit=168", ACME.key());
    HttpResponse<byte[]> zero = HTTP.openAi(USAGE + "&limit=0", ACME.key());
    HttpResponse<byte[]> text = HTTP.openAi(USAGE + "&limit=ten", ACME.key());

    assertThat(dailyTooMany.statusCode()).isEqualTo(400);
    assertThat(message(dailyTooMany))
        .isEqualTo(
            "Invalid value for 'limit': must be between 1 and 31 when bucket_width is 1d (was 32)");
    assertThat(SandboxHttp.json(dailyTooMany).get("error").get("param").asText())
        .isEqualTo("limit");
    assertThat(message(hourlyTooMany))
        .isEqualTo(
            "Invalid value for 'limit': must be between 1 and 168 when bucket_width is 1h (was"
                + " 169)");
    assertThat(hourlyMax.statusCode()).isEqualTo(200);
    assertThat(message(zero))
        .isEqualTo(
            "Invalid value for 'limit': must be between 1 and 31 when bucket_width is 1d (was 0)");
    assertThat(message(text))
        .isEqualTo("Invalid value for 'limit': expected an integer (was 'ten')");
  }

  @Test
  void costsLimitIsUpTo180() {
    HttpResponse<byte[]> tooMany = HTTP.openAi(COSTS + "&limit=181", ACME.key());
    HttpResponse<byte[]> max = HTTP.openAi(COSTS + "&limit=180", ACME.key());

    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(message(tooMany))
        .isEqualTo("Invalid value for 'limit': must be between 1 and 180 (was 181)");
    assertThat(max.statusCode()).isEqualTo(200);
  }

  @Test
  void defaultLimitsAreSevenDaysAnd24Hours() {
    long start = NOV_10 - 20 * 86_400L;

    JsonNode costs =
        SandboxHttp.json(HTTP.openAi("/organization/costs?start_time=" + start, ACME.key()));
    JsonNode daily =
        SandboxHttp.json(
            HTTP.openAi("/organization/usage/completions?start_time=" + start, ACME.key()));
    JsonNode hourly =
        SandboxHttp.json(
            HTTP.openAi(
                "/organization/usage/completions?bucket_width=1h&start_time=" + start, ACME.key()));

    assertThat(costs.get("data")).hasSize(7);
    assertThat(daily.get("data")).hasSize(7);
    assertThat(hourly.get("data")).hasSize(24);
    assertThat(hourly.get("has_more").asBoolean()).isTrue();
  }

  @Test
  void unsupportedBucketWidthsGet400() {
    HttpResponse<byte[]> minute = HTTP.openAi(USAGE + "&bucket_width=1m", ACME.key());
    HttpResponse<byte[]> unknown = HTTP.openAi(USAGE + "&bucket_width=2h", ACME.key());
    HttpResponse<byte[]> hourlyCosts = HTTP.openAi(COSTS + "&bucket_width=1h", ACME.key());

    assertThat(minute.statusCode()).isEqualTo(400);
    assertThat(message(minute))
        .isEqualTo(
            "Invalid value for 'bucket_width': the provider sandbox does not serve 1m buckets;"
                + " use 1h or 1d");
    assertThat(message(unknown))
        .isEqualTo("Invalid value for 'bucket_width': expected 1m, 1h or 1d (was '2h')");
    assertThat(message(hourlyCosts))
        .isEqualTo(
            "Invalid value for 'bucket_width': this endpoint serves only 1d buckets (was '1h')");
  }

  @Test
  void unknownGroupByAndParametersGet400() {
    HttpResponse<byte[]> groupBy = HTTP.openAi(USAGE + "&group_by=workspace_id", ACME.key());
    HttpResponse<byte[]> bracketForm = HTTP.openAi(USAGE + "&group_by%5B%5D=model", ACME.key());
    HttpResponse<byte[]> costGroup = HTTP.openAi(COSTS + "&group_by=model", ACME.key());

    assertThat(message(groupBy))
        .isEqualTo(
            "Invalid value for 'group_by': 'workspace_id' is not one of project_id, user_id,"
                + " api_key_id, model, batch, service_tier");
    assertThat(message(bracketForm))
        .isEqualTo("Unrecognized request argument supplied: group_by[]");
    assertThat(message(costGroup))
        .isEqualTo(
            "Invalid value for 'group_by': 'model' is not one of project_id, line_item, api_key_id");
  }

  @Test
  void unalignedStartGivesPartialFirstBucket() {
    long start = NOV_10 + 10 * 3_600 + 30 * 60;

    JsonNode daily =
        SandboxHttp.json(
            HTTP.openAi(
                "/organization/usage/completions?start_time=" + start + "&end_time=" + NOV_12,
                ACME.key()));
    JsonNode hourly =
        SandboxHttp.json(
            HTTP.openAi(
                "/organization/usage/completions?bucket_width=1h&limit=24&start_time="
                    + (NOV_10 + 11 * 3_600)
                    + "&end_time="
                    + (NOV_10 + 86_400),
                ACME.key()));

    JsonNode first = daily.get("data").get(0);
    assertThat(daily.get("data")).hasSize(2);
    assertThat(first.get("start_time").asLong()).isEqualTo(start);
    assertThat(first.get("end_time").asLong()).isEqualTo(NOV_10 + 86_400);
    assertThat(daily.get("data").get(1).get("start_time").asLong()).isEqualTo(NOV_10 + 86_400);
    assertThat(hourly.get("data")).hasSize(13);
    TokenTotals hourSum = TokenTotals.ZERO;
    for (JsonNode hour : hourly.get("data")) {
      hourSum = hourSum.plus(ReportRows.bucketTotals(SandboxProvider.OPENAI, hour));
    }
    assertThat(ReportRows.bucketTotals(SandboxProvider.OPENAI, first)).isEqualTo(hourSum);
  }

  @Test
  void unalignedEndCutsLastBucket() {
    long end = NOV_12 - 6 * 3_600;

    JsonNode explicit = SandboxHttp.json(HTTP.openAi(USAGE + "&end_time=" + end, ACME.key()));
    JsonNode open =
        SandboxHttp.json(
            HTTP.openAi(
                "/organization/usage/completions?start_time=" + (NOW - 86_400), ACME.key()));

    JsonNode explicitData = explicit.get("data");
    assertThat(explicitData).hasSize(2);
    assertThat(explicitData.get(1).get("end_time").asLong()).isEqualTo(end);
    JsonNode openData = open.get("data");
    assertThat(openData).hasSize(2);
    assertThat(openData.get(1).get("start_time").asLong())
        .isEqualTo(Instant.parse("2026-11-20T00:00:00Z").getEpochSecond());
    assertThat(openData.get(1).get("end_time").asLong()).isEqualTo(NOW);
  }

  @Test
  void cursorIsBoundToItsQuery() {
    JsonNode first =
        SandboxHttp.json(HTTP.openAi(COSTS + "&end_time=" + NOV_12 + "&limit=1", ACME.key()));
    String cursor = first.get("next_page").asText();

    HttpResponse<byte[]> sameQuery =
        HTTP.openAi(COSTS + "&end_time=" + NOV_12 + "&limit=1&page=" + cursor, ACME.key());
    HttpResponse<byte[]> otherQuery =
        HTTP.openAi(COSTS + "&end_time=" + NOV_12 + "&limit=2&page=" + cursor, ACME.key());
    HttpResponse<byte[]> garbage =
        HTTP.openAi(COSTS + "&end_time=" + NOV_12 + "&limit=1&page=page_bm9wZQ", ACME.key());

    assertThat(first.get("has_more").asBoolean()).isTrue();
    assertThat(cursor).startsWith("page_");
    JsonNode second = SandboxHttp.json(sameQuery);
    assertThat(second.get("data").get(0).get("start_time").asLong()).isEqualTo(NOV_10 + 86_400);
    assertThat(second.get("has_more").asBoolean()).isFalse();
    assertThat(second.get("next_page").isNull()).isTrue();
    assertThat(otherQuery.statusCode()).isEqualTo(400);
    assertThat(message(otherQuery))
        .isEqualTo(
            "Invalid value for 'page': the cursor belongs to a query with other parameters;"
                + " repeat the same parameters when following next_page");
    assertThat(message(garbage))
        .isEqualTo("Invalid value for 'page': not a cursor returned as next_page by this endpoint");
  }

  @Test
  void modelFilterKeepsOnlyThatModel() {
    String model = "ft:gpt-4.1-mini-2025-04-14:sandbox::FAKE01";

    JsonNode page =
        SandboxHttp.json(
            HTTP.openAi(
                USAGE
                    + "&end_time="
                    + NOV_12
                    + "&group_by=model&models="
                    + SandboxHttp.encode(model),
                ACME.key()));

    List<String> models = new ArrayList<>();
    page.get("data")
        .forEach(
            bucket -> bucket.get("results").forEach(row -> models.add(row.get("model").asText())));
    assertThat(models).isNotEmpty();
    assertThat(models).containsOnly(model);
  }

  @Test
  void postGets405WithAllowHeader() {
    HttpRequest request =
        HTTP.request(SANDBOX.openAiBaseUrl() + COSTS)
            .header("Authorization", "Bearer " + ACME.key())
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();

    HttpResponse<byte[]> response = HTTP.send(request);

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("allow")).contains("GET");
    assertThat(message(response))
        .isEqualTo("Method POST is not allowed on /v1/organization/costs; use GET");
  }

  @Test
  void unknownPathGets404() {
    HttpResponse<byte[]> response =
        HTTP.openAi("/organization/usage/embeddings?start_time=1", ACME.key());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(message(response)).isEqualTo("Invalid URL (GET /v1/organization/usage/embeddings)");
  }

  @Test
  void projectsHideArchivedUnlessAsked() {
    JsonNode active = SandboxHttp.json(HTTP.openAi("/organization/projects", ACME.key()));
    JsonNode all =
        SandboxHttp.json(HTTP.openAi("/organization/projects?include_archived=true", ACME.key()));

    assertThat(active.get("object").asText()).isEqualTo("list");
    assertThat(all.get("data").size()).isEqualTo(active.get("data").size() + 1);
    List<String> statuses = new ArrayList<>();
    all.get("data").forEach(project -> statuses.add(project.get("status").asText()));
    assertThat(statuses).containsOnlyOnce("archived");
    assertThat(all.get("first_id").asText()).isEqualTo(all.get("data").get(0).get("id").asText());
    assertThat(all.get("has_more").asBoolean()).isFalse();
  }

  @Test
  void projectsPageByAfterId() {
    JsonNode first = SandboxHttp.json(HTTP.openAi("/organization/projects?limit=1", ACME.key()));
    String firstId = first.get("last_id").asText();

    JsonNode second =
        SandboxHttp.json(
            HTTP.openAi("/organization/projects?limit=1&after=" + firstId, ACME.key()));
    HttpResponse<byte[]> unknown =
        HTTP.openAi("/organization/projects?after=proj_nope", ACME.key());

    assertThat(first.get("data")).hasSize(1);
    assertThat(first.get("has_more").asBoolean()).isTrue();
    assertThat(second.get("data").get(0).get("id").asText()).isNotEqualTo(firstId);
    assertThat(message(unknown))
        .isEqualTo("Invalid value for 'after': no object with id 'proj_nope' in this list");
  }

  @Test
  void projectApiKeysListNamesUsageKeys() {
    JsonNode projects = SandboxHttp.json(HTTP.openAi("/organization/projects", ACME.key()));
    String projectId = projects.get("data").get(0).get("id").asText();

    JsonNode keys =
        SandboxHttp.json(
            HTTP.openAi("/organization/projects/" + projectId + "/api_keys", ACME.key()));
    HttpResponse<byte[]> missing =
        HTTP.openAi("/organization/projects/proj_nope/api_keys", ACME.key());

    assertThat(keys.get("data")).isNotEmpty();
    JsonNode key = keys.get("data").get(0);
    assertThat(key.get("object").asText()).isEqualTo("organization.project.api_key");
    assertThat(key.get("id").asText()).startsWith("key_");
    assertThat(key.get("redacted_value").asText())
        .matches("sk-(proj|svcacct)-\\.\\.\\.[A-Za-z0-9]{4}");
    assertThat(key.get("owner").get("type").asText()).isIn("user", "service_account");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(message(missing))
        .isEqualTo("No project found with id 'proj_nope' in this organization");
  }

  private static String message(HttpResponse<byte[]> response) {
    return SandboxHttp.json(response).get("error").get("message").asText();
  }
}
