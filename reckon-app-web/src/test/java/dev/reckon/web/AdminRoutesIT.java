package dev.reckon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AdminRoutesIT {

  private static final String ADD_BODY =
      "{\"provider\":\"openai\",\"label\":\"Staging\","
          + "\"key\":\"sk-admin-FAKE-abcdefghijklmnop1234\"}";

  private final TestApp app = new TestApp();

  @AfterEach
  void stop() {
    app.close();
  }

  /** Lists every admin-only route, with a body that succeeds for an admin. */
  static Stream<Arguments> adminRoutes() {
    return Stream.of(
        Arguments.of("POST", "/api/v1/provider-keys", ADD_BODY),
        Arguments.of("DELETE", "/api/v1/provider-keys/" + FakeProviderKeys.KEY_A, null),
        Arguments.of("PATCH", "/api/v1/organization", "{\"name\":\"Renamed\"}"),
        Arguments.of("DELETE", "/api/v1/organization/data", "{\"confirm_slug\":\"acme\"}"),
        Arguments.of("POST", "/api/v1/dead-letters/" + FakeKeyHealth.LETTER_A + "/retry", null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("adminRoutes")
  void memberIsForbiddenWithoutChange(String method, String path, String body) {
    HttpResponse<String> response = app.sendJson(method, path, FakeSessions.MEMBER_A, body);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .isEqualTo(
            TestApp.problem(
                403,
                "forbidden",
                "Forbidden",
                "this action needs the admin role in the organization"));
    assertThat(app.keys.list(FakeOrganizations.ORG_A))
        .extracting(key -> key.id())
        .containsExactly(FakeProviderKeys.KEY_A);
    assertThat(app.keys.receivedSecrets).isEmpty();
    assertThat(app.organizations.get(FakeOrganizations.CLERK_A).name()).isEqualTo("Acme");
    assertThat(app.organizations.updates).hasValue(0);
    assertThat(app.organizations.resolutions).hasValue(0);
    assertThat(app.deletion.calls).hasValue(0);
    assertThat(app.keyHealth.calls).hasValue(0);
    assertThat(app.keyHealth.letters.get(FakeKeyHealth.LETTER_A).retryRequestedAt()).isNull();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("adminRoutes")
  void adminSucceedsOnSameRoute(String method, String path, String body) {
    HttpResponse<String> response = app.sendJson(method, path, FakeSessions.ADMIN_A, body);

    assertThat(response.statusCode()).isIn(200, 201, 202, 204);
  }

  @Test
  void adminOfOtherOrgCannotDeleteKey() {
    HttpResponse<String> response =
        app.send(
            "DELETE",
            "/api/v1/provider-keys/" + FakeProviderKeys.KEY_A,
            FakeSessions.ADMIN_B,
            null,
            null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body())
        .isEqualTo(
            TestApp.problem(
                404,
                "not-found",
                "Not found",
                "no provider key with this id exists in your organization"));
    assertThat(app.keys.count(FakeOrganizations.ORG_A)).isEqualTo(1);
    assertThat(app.keys.count(FakeOrganizations.ORG_B)).isEqualTo(1);
  }

  @Test
  void adminDeletesOwnKey() {
    HttpResponse<String> response =
        app.send(
            "DELETE",
            "/api/v1/provider-keys/" + FakeProviderKeys.KEY_A,
            FakeSessions.ADMIN_A,
            null,
            null);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(app.keys.count(FakeOrganizations.ORG_A)).isZero();
  }

  @Test
  void adminAddsKeyAndSeesOnlyHint() {
    HttpResponse<String> response =
        app.sendJson("POST", "/api/v1/provider-keys", FakeSessions.ADMIN_A, ADD_BODY);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body())
        .isEqualTo(
            "{\"id\":\"33333333-0000-4000-8000-00000000000c\",\"provider\":\"openai\","
                + "\"label\":\"Staging\",\"hint\":\"…1234\",\"status\":\"active\"}");
    assertThat(app.keys.receivedKeys).containsExactly("sk-admin-FAKE-abcdefghijklmnop1234");
    assertThat(app.keys.receivedSecrets.get(0).isDestroyed()).isTrue();
  }

  @Test
  void memberListsOnlyOwnOrganizationKeys() {
    HttpResponse<String> response = app.get("/api/v1/provider-keys", FakeSessions.MEMBER_A);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"provider_keys\":[{\"id\":\"11111111-0000-4000-8000-00000000000a\","
                + "\"provider\":\"openai\",\"label\":\"Production\",\"hint\":\"…x9Qa\","
                + "\"status\":\"active\",\"attention_reason\":null,"
                + "\"last_success_at\":\"2025-03-02T00:15:00Z\",\"created_by\":\"user_admin_a\","
                + "\"created_at\":\"2025-03-01T09:30:00Z\"}]}");
  }

  @Test
  void adminPatchesOrganizationFromToken() {
    HttpResponse<String> response =
        app.sendJson(
            "PATCH",
            "/api/v1/organization",
            FakeSessions.ADMIN_B,
            "{\"name\":\"Globex Corp\",\"time_zone\":\"America/New_York\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"id\":\"bbbbbbbb-0000-4000-8000-000000000002\",\"slug\":\"globex\","
                + "\"name\":\"Globex Corp\",\"plan\":\"free\",\"time_zone\":\"America/New_York\","
                + "\"retention_days\":30,\"retention_note\":\"Usage and cost data older than 30"
                + " days is deleted daily. Upgrading the plan does not bring deleted data back.\"}");
    assertThat(app.organizations.get(FakeOrganizations.CLERK_A).name()).isEqualTo("Acme");
  }
}
