package dev.reckon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyHealthRoutesIT {

  private static final String KEY_NOT_FOUND =
      TestApp.problem(
          404,
          "not-found",
          "Not found",
          "no provider key with this id exists in your organization");
  private static final String LETTER_NOT_FOUND =
      TestApp.problem(
          404,
          "not-found",
          "Not found",
          "no open dead letter with this id exists in your organization");

  private final TestApp app = new TestApp();

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void memberReadsHealthWithDeadLetters() {
    HttpResponse<String> response =
        app.get(healthPath(FakeProviderKeys.KEY_A), FakeSessions.MEMBER_A);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body())
        .isEqualTo(
            "{\"id\":\"11111111-0000-4000-8000-00000000000a\","
                + "\"last_success_at\":\"2025-03-02T00:15:00Z\",\"lag_seconds\":3600,"
                + "\"next_run_at\":\"2025-03-02T01:30:00Z\",\"consecutive_failures\":2,"
                + "\"last_failure_at\":\"2025-03-02T01:00:00Z\","
                + "\"last_error_category\":\"provider_rejected\",\"open_dead_letters\":1,"
                + "\"dead_letters\":["
                + "{\"id\":\"44444444-0000-4000-8000-00000000000d\",\"job\":\"ingest-key\","
                + "\"window_start\":\"2025-03-01T00:00:00Z\","
                + "\"window_end\":\"2025-03-02T00:00:00Z\",\"attempts\":5,"
                + "\"error_category\":\"provider_rejected\","
                + "\"error_message\":\"openai: HTTP 401 for key [redacted]\","
                + "\"first_failure_at\":\"2025-03-02T00:40:00Z\","
                + "\"last_failure_at\":\"2025-03-02T01:00:00Z\",\"retry_requested_at\":null,"
                + "\"resolved_at\":null},"
                + "{\"id\":\"55555555-0000-4000-8000-00000000000e\",\"job\":\"ingest-key\","
                + "\"window_start\":null,\"window_end\":null,\"attempts\":3,"
                + "\"error_category\":\"rate_limited\","
                + "\"error_message\":\"openai: rate limited (HTTP 429)\","
                + "\"first_failure_at\":\"2025-02-20T08:00:00Z\","
                + "\"last_failure_at\":\"2025-02-20T08:30:00Z\","
                + "\"retry_requested_at\":\"2025-02-20T09:00:00Z\","
                + "\"resolved_at\":\"2025-02-20T09:05:00Z\"}]}");
  }

  @Test
  void keyThatNeverSucceededHasNullLag() {
    HttpResponse<String> response =
        app.get(healthPath(FakeProviderKeys.KEY_B), FakeSessions.ADMIN_B);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .startsWith(
            "{\"id\":\"22222222-0000-4000-8000-00000000000b\",\"last_success_at\":null,"
                + "\"lag_seconds\":null,\"next_run_at\":null,\"consecutive_failures\":0,"
                + "\"last_failure_at\":null,\"last_error_category\":null,\"open_dead_letters\":1,");
  }

  @Test
  void keyOfOtherOrganizationIsNotFound() {
    HttpResponse<String> response =
        app.get(healthPath(FakeProviderKeys.KEY_B), FakeSessions.MEMBER_A);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo(KEY_NOT_FOUND);
    assertThat(response.body()).doesNotContain("sealed_key_invalid");
  }

  @Test
  void unknownKeyIsNotFound() {
    HttpResponse<String> response = app.get(healthPath(UUID.randomUUID()), FakeSessions.MEMBER_A);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo(KEY_NOT_FOUND);
  }

  @Test
  void healthWithBadKeyIdIsRejected() {
    HttpResponse<String> response =
        app.get("/api/v1/provider-keys/not-a-uuid/health", FakeSessions.MEMBER_A);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            TestApp.problem(
                400,
                "validation",
                "Invalid request",
                "path parameter 'id' must be a provider key id (a UUID)"));
    assertThat(app.keyHealth.calls).hasValue(0);
  }

  @Test
  void adminRequestsRetry() {
    HttpResponse<String> response = retry(FakeKeyHealth.LETTER_A, FakeSessions.ADMIN_A);
    HttpResponse<String> health =
        app.get(healthPath(FakeProviderKeys.KEY_A), FakeSessions.MEMBER_A);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("{\"status\":\"retry_requested\"}");
    assertThat(app.keyHealth.retried).containsExactly(FakeKeyHealth.LETTER_A);
    assertThat(health.body()).contains("\"retry_requested_at\":\"2025-03-02T01:15:00Z\"");
  }

  @Test
  void repeatedRetryIsAccepted() {
    HttpResponse<String> first = retry(FakeKeyHealth.LETTER_A, FakeSessions.ADMIN_A);
    HttpResponse<String> second = retry(FakeKeyHealth.LETTER_A, FakeSessions.ADMIN_A);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(second.body()).isEqualTo(first.body());
  }

  @Test
  void memberCannotRetry() {
    HttpResponse<String> response = retry(FakeKeyHealth.LETTER_A, FakeSessions.MEMBER_A);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .isEqualTo(
            TestApp.problem(
                403,
                "forbidden",
                "Forbidden",
                "this action needs the admin role in the organization"));
    assertThat(app.keyHealth.calls).hasValue(0);
    assertThat(app.keyHealth.letters.get(FakeKeyHealth.LETTER_A).retryRequestedAt()).isNull();
  }

  @Test
  void retryOfOtherOrganizationLetterIsNotFound() {
    HttpResponse<String> response = retry(FakeKeyHealth.LETTER_B, FakeSessions.ADMIN_A);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo(LETTER_NOT_FOUND);
    assertThat(app.keyHealth.letters.get(FakeKeyHealth.LETTER_B).retryRequestedAt()).isNull();
  }

  @Test
  void retryOfResolvedLetterIsNotFound() {
    HttpResponse<String> response = retry(FakeKeyHealth.RESOLVED_LETTER_A, FakeSessions.ADMIN_A);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo(LETTER_NOT_FOUND);
  }

  @Test
  void retryOfUnknownLetterIsNotFound() {
    HttpResponse<String> response = retry(UUID.randomUUID(), FakeSessions.ADMIN_A);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo(LETTER_NOT_FOUND);
    assertThat(app.keyHealth.retried).isEmpty();
  }

  @Test
  void retryWithBadIdIsRejected() {
    HttpResponse<String> response =
        app.send("POST", "/api/v1/dead-letters/42/retry", FakeSessions.ADMIN_A, null, null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            TestApp.problem(
                400,
                "validation",
                "Invalid request",
                "path parameter 'id' must be a dead letter id (a UUID)"));
    assertThat(app.keyHealth.calls).hasValue(0);
  }

  private HttpResponse<String> retry(UUID letterId, String token) {
    return app.send("POST", "/api/v1/dead-letters/" + letterId + "/retry", token, null, null);
  }

  private static String healthPath(Object keyId) {
    return "/api/v1/provider-keys/" + keyId + "/health";
  }
}
