package dev.reckon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthenticationIT {

  private static final String ADD_BODY =
      "{\"provider\":\"openai\",\"label\":\"x\",\"key\":\"sk-admin-FAKE-000000000000000000\"}";

  private final TestApp app = new TestApp();

  @AfterEach
  void stop() {
    app.close();
  }

  /**
   * Lists every route that needs a session, with a body that would succeed for an admin of org A.
   */
  static Stream<Arguments> protectedRoutes() {
    return Stream.of(
        Arguments.of("GET", "/api/v1/me", null),
        Arguments.of("GET", "/api/v1/organization", null),
        Arguments.of("PATCH", "/api/v1/organization", "{\"name\":\"Renamed\"}"),
        Arguments.of("DELETE", "/api/v1/organization/data", "{\"confirm_slug\":\"acme\"}"),
        Arguments.of("GET", "/api/v1/provider-keys", null),
        Arguments.of("POST", "/api/v1/provider-keys", ADD_BODY),
        Arguments.of("DELETE", "/api/v1/provider-keys/" + FakeProviderKeys.KEY_A, null),
        Arguments.of("GET", "/api/v1/provider-keys/" + FakeProviderKeys.KEY_A + "/health", null),
        Arguments.of("POST", "/api/v1/dead-letters/" + FakeKeyHealth.LETTER_A + "/retry", null),
        Arguments.of("GET", "/api/v1/usage/summary?from=2025-01-01&to=2025-01-31", null),
        Arguments.of("GET", "/api/v1/usage/timeseries?from=2025-01-01&to=2025-01-31", null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("protectedRoutes")
  void missingTokenIsRejectedBeforeHandler(String method, String path, String body) {
    HttpResponse<String> response = app.send(method, path, null, "application/json", body);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(response.body())
        .isEqualTo(
            TestApp.problem(
                401, "unauthenticated", "Unauthenticated", "the Authorization header is missing"));
    assertNothingCalled();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("protectedRoutes")
  void forgedTokenIsRejectedBeforeHandler(String method, String path, String body) {
    HttpResponse<String> response = app.send(method, path, "forged", "application/json", body);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .isEqualTo(
            TestApp.problem(
                401,
                "unauthenticated",
                "Unauthenticated",
                "the session token signature is invalid"));
    assertNothingCalled();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("protectedRoutes")
  void nonBearerHeaderIsRejected(String method, String path, String body) {
    HttpResponse<String> response =
        app.sendWithAuthorization(method, path, "Basic dXNlcjpwYXNz", body);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .isEqualTo(
            TestApp.problem(
                401,
                "unauthenticated",
                "Unauthenticated",
                "the Authorization header is not a Bearer token"));
    assertNothingCalled();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("protectedRoutes")
  void sessionWithoutOrganizationIsForbiddenOnOrganizationRoutes(
      String method, String path, String body) {
    HttpResponse<String> response =
        app.send(method, path, FakeSessions.NO_ORG, "application/json", body);

    if (path.equals("/api/v1/me")) {
      assertThat(response.statusCode()).isEqualTo(200);
    } else {
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body())
          .isEqualTo(
              TestApp.problem(
                  403,
                  "no-active-organization",
                  "No active organization",
                  "this request needs an active organization: select one in your session"));
    }
    assertNothingCalled();
  }

  @Test
  void openApiDocumentNeedsNoToken() {
    HttpResponse<String> response = app.get("/api/v1/openapi.json", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  private void assertNothingCalled() {
    assertThat(app.organizations.resolutions).hasValue(0);
    assertThat(app.organizations.updates).hasValue(0);
    assertThat(app.keys.receivedSecrets).isEmpty();
    assertThat(app.keys.count(FakeOrganizations.ORG_A)).isEqualTo(1);
    assertThat(app.spend.calls()).isZero();
    assertThat(app.deletion.calls).hasValue(0);
    assertThat(app.keyHealth.calls).hasValue(0);
  }
}
