package dev.reckon.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.domain.report.GroupBy;
import dev.reckon.domain.shared.Provider;
import dev.reckon.ports.in.SpendQuery;
import dev.reckon.ports.in.SpendTimeseriesUseCase;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UsageRoutesIT {

  private final TestApp app = new TestApp();

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void summaryUsesOrganizationFromToken() {
    HttpResponse<String> response =
        app.get(
            "/api/v1/usage/summary?from=2025-01-01&to=2025-01-31&group_by=model&provider=openai"
                + "&org_id="
                + FakeOrganizations.ORG_B,
            FakeSessions.MEMBER_A);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(app.spend.reportQueries)
        .containsExactly(
            new SpendQuery(
                FakeOrganizations.ORG_A,
                LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-01-31"),
                GroupBy.MODEL,
                Optional.of(Provider.OPENAI)));
    assertThat(response.body())
        .isEqualTo(
            "{\"from\":\"2025-01-01\",\"to\":\"2025-01-31\",\"time_zone\":\"Europe/Berlin\","
                + "\"group_by\":\"model\",\"currency\":\"USD\",\"price_table_version\":"
                + "\"2025-03-01\",\"total_billed\":\"12.50\",\"total_estimated\":\"11.123456\","
                + "\"total_estimate_status\":\"partial\",\"unpriced_models\":[\"openai/mystery\"],"
                + "\"rows\":[{\"group\":\"gpt-4o\",\"label\":null,\"billed\":\"12.50\","
                + "\"estimated\":\"11.123456\",\"estimate_status\":\"complete\","
                + "\"input_tokens\":1000,\"output_tokens\":200,\"requests\":7},"
                + "{\"group\":\"mystery\",\"label\":null,\"billed\":null,\"estimated\":null,"
                + "\"estimate_status\":\"unpriced\",\"input_tokens\":50,\"output_tokens\":5,"
                + "\"requests\":null}]}");
  }

  @Test
  void summaryDefaultsToGroupByDay() {
    app.get("/api/v1/usage/summary?from=2025-01-01&to=2025-01-01", FakeSessions.ADMIN_B);

    assertThat(app.spend.reportQueries.get(0).groupBy()).isEqualTo(GroupBy.DAY);
    assertThat(app.spend.reportQueries.get(0).orgId()).isEqualTo(FakeOrganizations.ORG_B);
  }

  @Test
  void timeseriesReturnsUtcPoints() {
    HttpResponse<String> response =
        app.get(
            "/api/v1/usage/timeseries?from=2025-01-02&to=2025-01-03&bucket=hour"
                + "&group_by=provider",
            FakeSessions.MEMBER_A);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(app.spend.timeseriesQueries)
        .containsExactly(
            new SpendTimeseriesUseCase.Query(
                FakeOrganizations.ORG_A,
                LocalDate.parse("2025-01-02"),
                LocalDate.parse("2025-01-03"),
                SpendTimeseriesUseCase.Bucket.HOUR,
                Optional.of(GroupBy.PROVIDER),
                Optional.empty()));
    assertThat(response.body())
        .isEqualTo(
            "{\"from\":\"2025-01-02\",\"to\":\"2025-01-03\",\"time_zone\":\"Europe/Berlin\","
                + "\"bucket\":\"hour\",\"group_by\":\"provider\",\"currency\":\"USD\","
                + "\"points\":[{\"start\":\"2025-01-01T23:00:00Z\",\"group\":\"openai\","
                + "\"billed\":\"3.00\",\"estimated\":null,\"input_tokens\":10,"
                + "\"output_tokens\":2,\"requests\":null}]}");
  }

  @Test
  void hourlyTimeseriesOverLimitIsBadRequest() {
    HttpResponse<String> response =
        app.get(
            "/api/v1/usage/timeseries?from=2025-01-01&to=2025-02-01&bucket=hour",
            FakeSessions.MEMBER_A);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("spans 32 days: an hourly timeseries covers at most 31 days");
    assertThat(app.spend.timeseriesQueries).isEmpty();
  }
}
