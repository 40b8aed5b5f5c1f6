package dev.reckon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebAppIT {

  private final TestApp app = new TestApp();

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void liveEndpointAnswersOnLoopback() {
    HttpResponse<String> response = app.get("/health/live", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void readyEndpointReportsFailingChecks() {
    app.readinessFailures.add("database unreachable");

    HttpResponse<String> response = app.get("/health/ready", null);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body())
        .isIn(
            "{\"status\":\"not_ready\",\"failures\":[\"database unreachable\"]}",
            "{\"failures\":[\"database unreachable\"],\"status\":\"not_ready\"}");
  }

  @Test
  void readyEndpointAnswersOkWhenChecksPass() {
    HttpResponse<String> response = app.get("/health/ready", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"ready\"}");
  }

  @Test
  void meReturnsUserOrganizationAndRole() {
    HttpResponse<String> response = app.get("/api/v1/me", FakeSessions.MEMBER_A);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"user_id\":\"user_member_a\",\"organization\":{\"id\":"
                + "\"aaaaaaaa-0000-4000-8000-000000000001\",\"slug\":\"acme\",\"name\":\"Acme\","
                + "\"plan\":\"free\",\"time_zone\":\"Europe/Berlin\",\"retention_days\":30,"
                + "\"retention_note\":\"Usage and cost data older than 30 days is deleted daily."
                + " Upgrading the plan does not bring deleted data back.\"},\"role\":\"member\"}");
  }

  @Test
  void meWithoutOrganizationHasNullOrganization() {
    HttpResponse<String> response = app.get("/api/v1/me", FakeSessions.NO_ORG);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo("{\"user_id\":\"user_lonely\",\"organization\":null,\"role\":null}");
  }

  @Test
  void unknownPathIsNotFoundProblem() {
    HttpResponse<String> response = app.get("/api/v1/nothing-here", FakeSessions.ADMIN_A);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .isEqualTo(TestApp.problem(404, "not-found", "Not found", "no route matches this path"));
  }

  @Test
  void wrongMethodIsMethodNotAllowedProblem() {
    HttpResponse<String> response = app.send("PUT", "/api/v1/me", FakeSessions.ADMIN_A, null, null);

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.body())
        .isEqualTo(
            TestApp.problem(
                405,
                "method-not-allowed",
                "Method not allowed",
                "this path does not accept the PUT method"));
  }
}
