package dev.reckon.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpMetricsTest {

  @Test
  void renderWritesCumulativeHistogram() {
    HttpMetrics metrics = new HttpMetrics();
    metrics.record("GET", "/api/v1/me", 200, 0.02);
    metrics.record("GET", "/api/v1/me", 200, 3.0);

    String text = metrics.render();

    String series = "method=\"GET\",route=\"/api/v1/me\",status=\"200\"";
    String name = "reckon_http_server_requests_seconds";
    assertThat(text)
        .startsWith(
            "# HELP "
                + name
                + " HTTP requests handled, by route template and status.\n"
                + "# TYPE "
                + name
                + " histogram\n")
        .contains(name + "_bucket{" + series + ",le=\"0.01\"} 0\n")
        .contains(name + "_bucket{" + series + ",le=\"0.025\"} 1\n")
        .contains(name + "_bucket{" + series + ",le=\"2.5\"} 1\n")
        .contains(name + "_bucket{" + series + ",le=\"5.0\"} 2\n")
        .contains(name + "_bucket{" + series + ",le=\"+Inf\"} 2\n")
        .contains(name + "_sum{" + series + "} 3.02\n")
        .endsWith(name + "_count{" + series + "} 2\n");
  }

  @Test
  void escapeQuotesLabelValues() {
    String escaped = HttpMetrics.escape("a\"b\\c\nd");

    assertThat(escaped).isEqualTo("a\\\"b\\\\c\\nd");
  }
}
