package dev.reckon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BadInputIT {

  private static final String KEYS = "/api/v1/provider-keys";
  private static final String ORG = "/api/v1/organization";
  private static final String SUMMARY = "/api/v1/usage/summary";
  private static final String SERIES = "/api/v1/usage/timeseries";

  private final TestApp app = new TestApp();

  @AfterEach
  void stop() {
    app.close();
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        bad(
            "POST",
            KEYS,
            "{\"provider\":",
            "malformed-json",
            "the request body is not valid JSON (line 1, column 13)"),
        bad(
            "POST",
            KEYS,
            "{\"provider\":\"openai\",\"provider\":\"openai\"}",
            "malformed-json",
            "the request body is not valid JSON (line 1, column 32)"),
        bad(
            "POST",
            KEYS,
            "[1]",
            "validation",
            "the request body must be a JSON object with 'provider', 'label' and 'key'"),
        bad(
            "POST",
            KEYS,
            key("azure-ECHO", "x", "sk-admin-FAKE-00000000000000"),
            "validation",
            "'provider' must be one of openai, anthropic"),
        bad(
            "POST",
            KEYS,
            key("openai", "x", "sk-proj-FAKE-ECHO-0000000000"),
            "invalid-provider-key",
            "the openai key is not an admin key: expected the prefix sk-admin-. Create an Admin"
                + " key under Settings, Organization, Admin keys; project and service account"
                + " keys cannot read organization usage"),
        bad(
            "POST",
            KEYS,
            key("openai", "x", "sk-admin-FAKE"),
            "invalid-provider-key",
            "the openai key has an invalid length (13 bytes): expected 20 to 512; check that it"
                + " was copied whole"),
        bad(
            "POST",
            KEYS,
            key("openai", "x", ""),
            "validation",
            "'key' must not be empty: paste the provider admin key"),
        bad(
            "POST",
            KEYS,
            key("openai", "   ", "sk-admin-FAKE-00000000000000"),
            "validation",
            "'label' must have 1 to 100 characters (was 0)"),
        bad(
            "POST",
            KEYS,
            "{\"provider\":\"openai\",\"label\":\"x\"}",
            "validation",
            "'key' is required"),
        bad(
            "POST",
            KEYS,
            "{\"provider\":\"openai\",\"label\":\"x\",\"key\":42}",
            "validation",
            "'key' must be a JSON string"),
        bad(
            "POST",
            KEYS,
            "{\"org_id\":\"ECHO\"}",
            "validation",
            "the request body has an unknown field: only 'provider', 'label' and 'key' are"
                + " accepted"),
        bad(
            "DELETE",
            KEYS + "/not-a-uuid-ECHO",
            null,
            "validation",
            "path parameter 'id' must be a provider key id (a UUID)"),
        bad(
            "GET",
            SUMMARY + "?from=2025-02-01&to=2025-01-01",
            null,
            "validation",
            "'from' (2025-02-01) must not be after 'to' (2025-01-01)"),
        bad(
            "GET",
            SUMMARY + "?to=2025-01-01",
            null,
            "validation",
            "'from' is required: give a date in the form YYYY-MM-DD"),
        bad(
            "GET",
            SUMMARY + "?from=ECHO&to=2025-01-01",
            null,
            "validation",
            "'from' must be a date in the form YYYY-MM-DD"),
        bad(
            "GET",
            SUMMARY + "?from=2024-01-01&to=2025-03-01",
            null,
            "validation",
            "'from' to 'to' spans 426 days: a request covers at most 400 days, so split it"),
        bad(
            "GET",
            SUMMARY + "?from=2025-01-01&to=2025-01-02&group_by=ECHO",
            null,
            "validation",
            "'group_by' must be one of day, model, provider, api-key, project"),
        bad(
            "GET",
            SUMMARY + "?from=2025-01-01&to=2025-01-02&provider=ECHO",
            null,
            "validation",
            "'provider' must be one of openai, anthropic"),
        bad(
            "GET",
            SERIES + "?from=2025-01-01&to=2025-01-02&group_by=day",
            null,
            "validation",
            "'group_by' must be one of model, provider, api-key, project"),
        bad(
            "GET",
            SERIES + "?from=2025-01-01&to=2025-01-02&bucket=ECHO",
            null,
            "validation",
            "'bucket' must be hour or day"),
        bad(
            "PATCH",
            ORG,
            "{\"time_zone\":\"Mars/ECHO\"}",
            "validation",
            "'time_zone' must be an IANA time zone id such as Europe/Berlin or America/New_York"),
        bad(
            "PATCH",
            ORG,
            "{\"time_zone\":\"+02:00\"}",
            "validation",
            "'time_zone' must be an IANA time zone id such as Europe/Berlin or America/New_York"),
        bad(
            "PATCH",
            ORG,
            "{\"name\":\"  \"}",
            "validation",
            "'name' must be a string of 1 to 200 characters"),
        bad(
            "PATCH",
            ORG,
            "{}",
            "validation",
            "the request body must set 'name', 'time_zone' or both"),
        bad(
            "PATCH",
            ORG,
            "{\"id\":\"ECHO\"}",
            "validation",
            "the request body has an unknown field: only 'name' and 'time_zone' are accepted"),
        bad(
            "PATCH",
            ORG,
            "{\"name\":ECHO}",
            "malformed-json",
            "the request body is not valid JSON (line 1, column 9)"));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("badRequests")
  void badInputGetsProblemWithoutEcho(
      String method, String path, String body, String type, String detail) {
    HttpResponse<String> response = app.sendJson(method, path, FakeSessions.ADMIN_A, body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).isEqualTo(TestApp.problem(400, type, title(type), detail));
    assertThat(response.body()).doesNotContain("ECHO");
  }

  @Test
  void bodyOverLimitIsRejected() {
    String body = "{\"name\":\"" + "a".repeat(20_000) + "\"}";

    HttpResponse<String> response = app.sendJson("PATCH", ORG, FakeSessions.ADMIN_A, body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body())
        .isEqualTo(
            TestApp.problem(
                413,
                "body-too-large",
                "Request body too large",
                "the request body must be at most 16384 bytes"));
    assertThat(app.organizations.updates).hasValue(0);
  }

  @Test
  void keyBodyOverLimitIsRejected() {
    String body = key("openai", "x", "sk-admin-FAKE-" + "0".repeat(17_000));

    HttpResponse<String> response = app.sendJson("POST", KEYS, FakeSessions.ADMIN_A, body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(app.keys.receivedSecrets).isEmpty();
  }

  @Test
  void nonJsonContentTypeIsRejected() {
    HttpResponse<String> response =
        app.send("POST", KEYS, FakeSessions.ADMIN_A, "application/x-www-form-urlencoded", "a=b");

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body())
        .isEqualTo(
            TestApp.problem(
                415,
                "unsupported-media-type",
                "Unsupported media type",
                "the request body must be JSON: send Content-Type: application/json"));
  }

  private static Arguments bad(
      String method, String path, String body, String type, String detail) {
    return Arguments.of(method, path, body, type, detail);
  }

  private static String key(String provider, String label, String key) {
    return "{\"provider\":\""
        + provider
        + "\",\"label\":\""
        + label
        + "\",\"key\":\""
        + key
        + "\"}";
  }

  private static String title(String type) {
    return switch (type) {
      case "malformed-json" -> "Malformed JSON";
      case "invalid-provider-key" -> "Invalid provider key";
      default -> "Invalid request";
    };
  }
}
