package dev.reckon.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.provider.HardenedHttpClient;
import dev.reckon.adapter.provider.HttpClientSettings;
import dev.reckon.domain.shared.Provider;
import java.net.InetAddress;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker metrics as the observer of a real hardened client, against a loopback server. */
class ProviderCallMetricsTest {

  private static final String KEY = "sk-admin-FAKE-test-0000metrics";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void clientCallsAppearByProviderAndStatus() throws Exception {
    String base = "http://127.0.0.1:" + server.getPort();
    WorkerMetrics metrics =
        new WorkerMetrics(
            Map.of(Provider.OPENAI, base + "/openai/v1", Provider.ANTHROPIC, base + "/anthropic"));
    OkHttpClient client =
        HardenedHttpClient.create(HttpClientSettings.forDevelopment().withCallObserver(metrics))
            .okHttp();
    server.enqueue(new MockResponse.Builder().code(200).body("{\"data\":[]}").build());
    server.enqueue(new MockResponse.Builder().code(429).body("{\"error\":{}}").build());

    call(client, base + "/openai/v1/organization/costs?start_time=1794268800&limit=31");
    call(client, base + "/anthropic/v1/organizations/cost_report?starting_at=2026-11-10");
    String text = metrics.render();

    assertThat(text)
        .contains("reckon_worker_provider_calls_total{provider=\"openai\",status=\"200\"} 1\n")
        .contains("reckon_worker_provider_calls_total{provider=\"anthropic\",status=\"429\"} 1\n")
        .contains(
            "reckon_worker_provider_call_duration_seconds_count{provider=\"openai\","
                + "status=\"200\"} 1\n");
    assertThat(text).doesNotContain(KEY).doesNotContain("start_time").doesNotContain("/v1/");
  }

  private static void call(OkHttpClient client, String url) throws Exception {
    Request request =
        new Request.Builder().url(url).header("Authorization", "Bearer " + KEY).build();
    try (Response response = client.newCall(request).execute()) {
      response.body().string();
    }
  }
}
