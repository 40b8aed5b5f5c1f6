package dev.reckon.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.shared.Provider;
import dev.reckon.worker.jobs.JobMetrics;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MetricsServerTest {

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void getMetricsReturnsFreshText() throws Exception {
    AtomicInteger scrapes = new AtomicInteger();
    try (MetricsServer server =
        MetricsServer.start("127.0.0.1", 0, () -> "scrapes " + scrapes.incrementAndGet() + "\n")) {

      HttpResponse<String> first = get(server, "/metrics");
      HttpResponse<String> second = get(server, "/metrics");

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("content-type"))
          .contains("text/plain; version=0.0.4; charset=utf-8");
      assertThat(first.body()).isEqualTo("scrapes 1\n");
      assertThat(second.body()).isEqualTo("scrapes 2\n");
    }
  }

  @Test
  void otherPathsAndMethodsAreRejected() throws Exception {
    try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, () -> "x 1\n")) {

      HttpResponse<String> root = get(server, "/");
      HttpResponse<String> post =
          client.send(
              HttpRequest.newBuilder(uri(server, "/metrics"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(root.statusCode()).isEqualTo(404);
      assertThat(root.body()).isEqualTo("Not found: use GET /metrics\n");
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.headers().firstValue("allow")).contains("GET");
    }
  }

  @Test
  void renderFailureGives500() throws Exception {
    try (MetricsServer server =
        MetricsServer.start(
            "127.0.0.1",
            0,
            () -> {
              throw new IllegalStateException("broken metrics");
            })) {

      HttpResponse<String> response = get(server, "/metrics");

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).isEqualTo("Rendering the metrics failed; see the worker log\n");
    }
  }

  @Test
  void servesWorkerMetrics() throws Exception {
    WorkerMetrics metrics = new WorkerMetrics(Map.of(Provider.OPENAI, "http://127.0.0.1:1/v1"));
    metrics.jobFinished("ingest-key", Provider.OPENAI, JobMetrics.Outcome.SUCCEEDED);
    try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, metrics::render)) {

      HttpResponse<String> response = get(server, "/metrics");

      assertThat(response.body()).isEqualTo(metrics.render());
      assertThat(response.body())
          .contains(
              "reckon_worker_jobs_total{job=\"ingest-key\",provider=\"openai\","
                  + "outcome=\"succeeded\"} 1\n");
    }
  }

  @Test
  void portInUseIsReported() {
    try (MetricsServer first = MetricsServer.start("127.0.0.1", 0, () -> "")) {
      int port = first.port();

      assertThatThrownBy(() -> MetricsServer.start("127.0.0.1", port, () -> ""))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessage(
              "failed to bind the metrics server to 127.0.0.1:"
                  + port
                  + "; choose a free port with RECKON_WORKER_METRICS_PORT");
    }
  }

  @Test
  void portOutOfRangeIsRejected() {
    assertThatThrownBy(() -> MetricsServer.start("127.0.0.1", 70_000, () -> ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the metrics port must be from 0 to 65535 (was 70000)");
  }

  private HttpResponse<String> get(MetricsServer server, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(server, path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(MetricsServer server, String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
