package dev.reckon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DataDeletionRoutesIT {

  private static final String PATH = "/api/v1/organization/data";
  private static final String CONFIRM_A = "{\"confirm_slug\":\"acme\"}";
  private static final String SCHEDULED_A =
      "{\"status\":\"scheduled\",\"requested_at\":\"2025-03-05T10:15:30Z\",\"note\":\"All data"
          + " of this organization, its provider keys included, will be deleted by a background"
          + " job. This cannot be undone.\"}";

  private final TestApp app = new TestApp();

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void adminWithMatchingSlugSchedulesDeletion() {
    HttpResponse<String> response = app.sendJson("DELETE", PATH, FakeSessions.ADMIN_A, CONFIRM_A);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo(SCHEDULED_A);
    assertThat(app.deletion.requests)
        .containsOnlyKeys(FakeOrganizations.ORG_A)
        .containsEntry(FakeOrganizations.ORG_A, FakeDataDeletion.FIRST_REQUEST);
  }

  @Test
  void repeatedRequestKeepsFirstTime() {
    app.sendJson("DELETE", PATH, FakeSessions.ADMIN_A, CONFIRM_A);
    app.deletion.advanceTo(Instant.parse("2025-03-06T08:00:00Z"));

    HttpResponse<String> again = app.sendJson("DELETE", PATH, FakeSessions.ADMIN_A, CONFIRM_A);

    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.body()).isEqualTo(SCHEDULED_A);
    assertThat(app.deletion.requests).hasSize(1);
  }

  @Test
  void memberIsForbiddenAndNothingIsRecorded() {
    HttpResponse<String> response = app.sendJson("DELETE", PATH, FakeSessions.MEMBER_A, CONFIRM_A);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .isEqualTo(
            TestApp.problem(
                403,
                "forbidden",
                "Forbidden",
                "this action needs the admin role in the organization"));
    assertThat(app.deletion.calls).hasValue(0);
    assertThat(app.deletion.requests).isEmpty();
    assertThat(app.organizations.resolutions).hasValue(0);
  }

  @Test
  void slugOfOtherOrganizationIsRejected() {
    HttpResponse<String> response =
        app.sendJson("DELETE", PATH, FakeSessions.ADMIN_A, "{\"confirm_slug\":\"globex\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            TestApp.problem(
                400,
                "validation",
                "Invalid request",
                "'confirm_slug' does not match this organization's slug: set it to acme exactly"));
    assertThat(app.deletion.requests).isEmpty();
  }

  @Test
  void adminOfOtherOrganizationSchedulesOnlyItsOwn() {
    HttpResponse<String> response =
        app.sendJson("DELETE", PATH, FakeSessions.ADMIN_B, "{\"confirm_slug\":\"globex\"}");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(app.deletion.requests).containsOnlyKeys(FakeOrganizations.ORG_B);
  }

  static Stream<Arguments> badBodies() {
    String missing =
        "the request body must set 'confirm_slug' to the organization's slug, typed exactly, to"
            + " confirm the deletion";
    String mismatch =
        "'confirm_slug' does not match this organization's slug: set it to acme exactly";
    return Stream.of(
        Arguments.of("{\"confirm_slug\":\"acme-ECHO\"}", "validation", mismatch),
        Arguments.of("{\"confirm_slug\":\"ACME\"}", "validation", mismatch),
        Arguments.of("{\"confirm_slug\":\" acme\"}", "validation", mismatch),
        Arguments.of("{\"confirm_slug\":\"\"}", "validation", mismatch),
        Arguments.of("{}", "validation", missing),
        Arguments.of("{\"confirm_slug\":null}", "validation", missing),
        Arguments.of("{\"confirm_slug\":[\"acme\"]}", "validation", missing),
        Arguments.of(
            "{\"confirm_slug\":\"acme\",\"ECHO\":1}",
            "validation",
            "the request body has an unknown field: only 'confirm_slug' is accepted"),
        Arguments.of("[\"ECHO\"]", "validation", "the request body must be a JSON object"),
        Arguments.of(
            "{\"confirm_slug\":ECHO}",
            "malformed-json",
            "the request body is not valid JSON (line 1, column 17)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void badBodyIsRejectedWithoutEcho(String body, String type, String detail) {
    HttpResponse<String> response = app.sendJson("DELETE", PATH, FakeSessions.ADMIN_A, body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .isEqualTo(
            TestApp.problem(
                400,
                type,
                type.equals("malformed-json") ? "Malformed JSON" : "Invalid request",
                detail));
    assertThat(response.body()).doesNotContain("ECHO");
    assertThat(app.deletion.requests).isEmpty();
  }

  @Test
  void bodyThatIsNotJsonIsRejected() {
    HttpResponse<String> response =
        app.send("DELETE", PATH, FakeSessions.ADMIN_A, "text/plain", "acme");

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(app.deletion.calls).hasValue(0);
  }

  @Test
  void organizationShowsRetentionOfPlan() {
    HttpResponse<String> response = app.get("/api/v1/organization", FakeSessions.MEMBER_A);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"id\":\"aaaaaaaa-0000-4000-8000-000000000001\",\"slug\":\"acme\",\"name\":\"Acme\","
                + "\"plan\":\"free\",\"time_zone\":\"Europe/Berlin\",\"retention_days\":30,"
                + "\"retention_note\":\"Usage and cost data older than 30 days is deleted daily."
                + " Upgrading the plan does not bring deleted data back.\"}");
  }
}
