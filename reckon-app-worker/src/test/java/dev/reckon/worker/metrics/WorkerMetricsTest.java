package dev.reckon.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.provider.ObservedCall;
import dev.reckon.domain.shared.Provider;
import dev.reckon.worker.jobs.JobMetrics.Outcome;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerMetricsTest {

  private static final Map<Provider, String> SANDBOX =
      Map.of(
          Provider.OPENAI, "http://127.0.0.1:9999/openai/v1",
          Provider.ANTHROPIC, "http://127.0.0.1:9999/anthropic/");
  private static final Map<Provider, String> PRODUCTION =
      Map.of(
          Provider.OPENAI, "https://api.openai.com/v1",
          Provider.ANTHROPIC, "https://api.anthropic.com");

  @Test
  void jobsCountedByJobProviderAndOutcome() {
    WorkerMetrics metrics = new WorkerMetrics(SANDBOX);

    metrics.jobFinished("ingest-key", Provider.OPENAI, Outcome.SUCCEEDED);
    metrics.jobFinished("ingest-key", Provider.OPENAI, Outcome.SUCCEEDED);
    metrics.jobFinished("ingest-key", Provider.ANTHROPIC, Outcome.RETRIED);
    metrics.jobFinished("ingest-key", Provider.ANTHROPIC, Outcome.DEAD_LETTERED);
    metrics.jobFinished("delete-organization", null, Outcome.FAILED);
    String text = metrics.render();

    assertThat(text)
        .contains(
            "reckon_worker_jobs_total{job=\"ingest-key\",provider=\"openai\",outcome=\"succeeded\"}"
                + " 2\n")
        .contains(
            "reckon_worker_jobs_total{job=\"ingest-key\",provider=\"anthropic\",outcome=\"retried\"}"
                + " 1\n")
        .contains(
            "reckon_worker_jobs_total{job=\"ingest-key\",provider=\"anthropic\","
                + "outcome=\"dead_lettered\"} 1\n")
        .contains(
            "reckon_worker_jobs_total{job=\"delete-organization\",provider=\"none\","
                + "outcome=\"failed\"} 1\n");
    assertThat(metrics.jobCount("ingest-key", Outcome.SUCCEEDED)).isEqualTo(2);
    assertThat(metrics.jobCount("ingest-key", Outcome.FAILED)).isZero();
    assertThat(metrics.jobCount("delete-organization", Outcome.FAILED)).isEqualTo(1);
  }

  @Test
  void lagKeepsTheLastValuePerProvider() {
    WorkerMetrics metrics = new WorkerMetrics(SANDBOX);

    metrics.ingestionLag(Provider.OPENAI, Duration.ofSeconds(5));
    metrics.ingestionLag(Provider.OPENAI, Duration.ofMillis(2_500));
    metrics.ingestionLag(Provider.ANTHROPIC, Duration.ZERO);
    String text = metrics.render();

    assertThat(text)
        .contains("reckon_worker_ingestion_lag_seconds{provider=\"openai\"} 2.5\n")
        .contains("reckon_worker_ingestion_lag_seconds{provider=\"anthropic\"} 0.0\n")
        .doesNotContain("} 5.0\n");
  }

  @Test
  void callsAttributedByBaseUrl() {
    WorkerMetrics metrics = new WorkerMetrics(SANDBOX);

    metrics.callFinished(call("127.0.0.1", 9999, "/openai/v1/organization/costs", 200, 0.1));
    metrics.callFinished(
        call("127.0.0.1", 9999, "/anthropic/v1/organizations/usage_report", 200, 0.1));
    metrics.callFinished(call("127.0.0.1", 9999, "/anthropic", 404, 0.1));
    metrics.callFinished(call("127.0.0.1", 9999, "/openai/v2/organization/costs", 200, 0.1));
    metrics.callFinished(call("127.0.0.1", 9998, "/openai/v1/organization/costs", 200, 0.1));
    String text = metrics.render();

    assertThat(text)
        .contains("reckon_worker_provider_calls_total{provider=\"openai\",status=\"200\"} 1\n")
        .contains("reckon_worker_provider_calls_total{provider=\"anthropic\",status=\"200\"} 1\n")
        .contains("reckon_worker_provider_calls_total{provider=\"anthropic\",status=\"404\"} 1\n")
        .contains("reckon_worker_provider_calls_total{provider=\"other\",status=\"200\"} 2\n");
    assertThat(metrics.providerCallCount()).isEqualTo(5);
  }

  @Test
  void productionHostsUseTheSchemePort() {
    WorkerMetrics metrics = new WorkerMetrics(PRODUCTION);

    metrics.callFinished(call("api.openai.com", 443, "/v1/organization/usage/completions", 429, 1));
    metrics.callFinished(call("api.anthropic.com", 443, "/v1/organizations/cost_report", 200, 1));
    metrics.callFinished(call("api.openai.com", 443, "/v2/anything", 200, 1));
    String text = metrics.render();

    assertThat(text)
        .contains("reckon_worker_provider_calls_total{provider=\"openai\",status=\"429\"} 1\n")
        .contains("reckon_worker_provider_calls_total{provider=\"anthropic\",status=\"200\"} 1\n")
        .contains("reckon_worker_provider_calls_total{provider=\"other\",status=\"200\"} 1\n");
  }

  @Test
  void callDurationsFormCumulativeHistogram() {
    WorkerMetrics metrics = new WorkerMetrics(SANDBOX);

    metrics.callFinished(call("127.0.0.1", 9999, "/openai/v1/organization/costs", 200, 0.25));
    metrics.callFinished(call("127.0.0.1", 9999, "/openai/v1/organization/costs", 200, 0.5));
    metrics.callFinished(call("127.0.0.1", 9999, "/openai/v1/organization/costs", 200, 75));
    String text = metrics.render();

    String name = "reckon_worker_provider_call_duration_seconds";
    String series = "provider=\"openai\",status=\"200\"";
    assertThat(text)
        .contains("# TYPE " + name + " histogram\n")
        .contains(name + "_bucket{" + series + ",le=\"0.1\"} 0\n")
        .contains(name + "_bucket{" + series + ",le=\"0.25\"} 1\n")
        .contains(name + "_bucket{" + series + ",le=\"0.5\"} 2\n")
        .contains(name + "_bucket{" + series + ",le=\"60.0\"} 2\n")
        .contains(name + "_bucket{" + series + ",le=\"+Inf\"} 3\n")
        .contains(name + "_sum{" + series + "} 75.75\n")
        .contains(name + "_count{" + series + "} 3\n");
  }

  @Test
  void callWithoutResponseHasStatusZero() {
    WorkerMetrics metrics = new WorkerMetrics(SANDBOX);

    metrics.callFinished(
        new ObservedCall(
            "127.0.0.1",
            9999,
            "/openai/v1/organization/costs",
            ObservedCall.NO_RESPONSE,
            true,
            Duration.ofSeconds(5)));

    assertThat(metrics.render())
        .contains("reckon_worker_provider_calls_total{provider=\"openai\",status=\"0\"} 1\n");
  }

  @Test
  void freshMetricsDeclareEveryFamily() {
    String text = new WorkerMetrics(SANDBOX).render();

    assertThat(text)
        .contains("# TYPE reckon_worker_jobs_total counter\n")
        .contains("# TYPE reckon_worker_ingestion_lag_seconds gauge\n")
        .contains("# TYPE reckon_worker_provider_call_duration_seconds histogram\n")
        .contains("# TYPE reckon_worker_provider_calls_total counter\n");
    assertThat(text.lines().filter(line -> !line.startsWith("#")))
        .allMatch(line -> line.startsWith("reckon_worker_jobs_total{job=\"ingest-key\","))
        .allMatch(line -> line.endsWith(" 0"))
        .hasSize(8);
  }

  @Test
  void labelValuesAreEscaped() {
    WorkerMetrics metrics = new WorkerMetrics(SANDBOX);

    metrics.jobFinished("odd\"job\\name\n", null, Outcome.SUCCEEDED);

    assertThat(metrics.render()).contains("job=\"odd\\\"job\\\\name\\n\"");
  }

  @Test
  void baseUrlWithoutHostIsRejected() {
    assertThatThrownBy(() -> new WorkerMetrics(Map.of(Provider.OPENAI, "api.openai.com/v1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the openai base URL needs a scheme and a host (was 'api.openai.com/v1')");
  }

  private static ObservedCall call(String host, int port, String path, int status, double seconds) {
    return new ObservedCall(
        host, port, path, status, false, Duration.ofNanos((long) (seconds * 1e9)));
  }

  @Test
  void ingestionSeriesStartAtZero() {
    WorkerMetrics metrics =
        new WorkerMetrics(
            Map.of(
                Provider.OPENAI, "https://api.openai.com/v1",
                Provider.ANTHROPIC, "https://api.anthropic.com"));

    String text = metrics.render();

    assertThat(text)
        .contains(
            "reckon_worker_jobs_total{job=\"ingest-key\",provider=\"openai\",outcome=\"succeeded\"}"
                + " 0\n")
        .contains(
            "reckon_worker_jobs_total{job=\"ingest-key\",provider=\"anthropic\","
                + "outcome=\"dead_lettered\"} 0\n");
  }
}
