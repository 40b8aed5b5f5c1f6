package dev.reckon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsIT {

  private static final String OTHER_KEY = "44444444-0000-4000-8000-00000000000d";

  private final TestApp app = new TestApp();

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void metricsUseRouteTemplatesNotIds() {
    app.send("DELETE", "/api/v1/provider-keys/" + OTHER_KEY, FakeSessions.ADMIN_A, null, null);
    app.send("DELETE", "/api/v1/provider-keys/" + OTHER_KEY, FakeSessions.ADMIN_A, null, null);
    app.get("/api/v1/me", "forged");
    app.get("/api/v1/unknown-" + OTHER_KEY, FakeSessions.ADMIN_A);

    HttpResponse<String> response = app.get("/metrics", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body())
        .contains("# TYPE reckon_http_server_requests_seconds histogram\n")
        .contains(
            "reckon_http_server_requests_seconds_count{method=\"DELETE\","
                + "route=\"/api/v1/provider-keys/{id}\",status=\"404\"} 2\n")
        .contains(
            "reckon_http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/me\","
                + "status=\"401\"} 1\n")
        .contains(
            "reckon_http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\","
                + "status=\"404\"} 1\n");
    assertThat(response.body())
        .doesNotContain(OTHER_KEY)
        .doesNotContain(FakeOrganizations.ORG_A.toString())
        .doesNotContain(FakeOrganizations.CLERK_A);
  }
}
