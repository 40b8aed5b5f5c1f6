package dev.reckon.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SandboxLatencyTest {

  private static final String COSTS = "/organization/costs?start_time=1794268800";
  private static final String PROJECTS = "/organization/projects";

  @Test
  void responseWaitsForTheLatency() {
    Duration latency = Duration.ofMillis(400);
    try (ProviderSandbox sandbox = start(latency)) {
      SandboxHttp http = new SandboxHttp(sandbox);
      String key = SandboxHttp.key(sandbox, SandboxProvider.OPENAI, 0).key();

      long started = System.nanoTime();
      HttpResponse<byte[]> response = http.openAi(COSTS, key);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(SandboxHttp.text(response)).startsWith("{\"object\":\"page\"");
      assertThat(took).isGreaterThanOrEqualTo(latency);
    }
  }

  @Test
  void errorResponsesWaitToo() {
    Duration latency = Duration.ofMillis(400);
    try (ProviderSandbox sandbox = start(latency)) {
      SandboxHttp http = new SandboxHttp(sandbox);
      String key = SandboxHttp.key(sandbox, SandboxProvider.ANTHROPIC, 0).key();
      sandbox.injectFailures(key, InjectedFailure.serverError(), 1);

      long started = System.nanoTime();
      HttpResponse<byte[]> injected =
          http.anthropic("/v1/organizations/cost_report?starting_at=2026-11-10T00:00:00Z", key);
      Duration injectedTook = Duration.ofNanos(System.nanoTime() - started);
      started = System.nanoTime();
      HttpResponse<byte[]> unknown =
          http.send(http.request(sandbox.baseUrl() + "/nowhere").build());
      Duration unknownTook = Duration.ofNanos(System.nanoTime() - started);

      assertThat(injected.statusCode()).isEqualTo(500);
      assertThat(injectedTook).isGreaterThanOrEqualTo(latency);
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknownTook).isGreaterThanOrEqualTo(latency);
    }
  }

  @Test
  void concurrentRequestsWaitTogether() throws Exception {
    Duration latency = Duration.ofSeconds(1);
    int requests = 200;
    try (ProviderSandbox sandbox = start(latency)) {
      SandboxHttp http = new SandboxHttp(sandbox);
      String key = SandboxHttp.key(sandbox, SandboxProvider.OPENAI, 0).key();
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest request =
          http.request(sandbox.openAiBaseUrl() + PROJECTS)
              .header("Authorization", "Bearer " + key)
              .GET()
              .build();

      long started = System.nanoTime();
      List<CompletableFuture<Long>> calls = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        long sent = System.nanoTime();
        calls.add(
            client
                .sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> finished(response, sent)));
      }
      List<Long> durations = new ArrayList<>();
      for (CompletableFuture<Long> call : calls) {
        durations.add(call.get(60, TimeUnit.SECONDS));
      }
      Duration total = Duration.ofNanos(System.nanoTime() - started);

      // Served one after another on a few threads, 200 requests of 1 s would take minutes.
      assertThat(total).isLessThan(latency.multipliedBy(10));
      assertThat(durations).allMatch(nanos -> nanos >= latency.toNanos());
      assertThat(sandbox.totalRequests()).isEqualTo(requests);
      assertThat(sandbox.requestCount(OpenAiApi.PREFIX + PROJECTS)).isEqualTo(requests);
    }
  }

  private static long finished(HttpResponse<String> response, long sent) {
    long took = System.nanoTime() - sent;
    assertThat(response.statusCode()).isEqualTo(200);
    return took;
  }

  private static ProviderSandbox start(Duration latency) {
    return ProviderSandbox.start(
        SandboxSettings.defaults().withClock(SandboxHttp.CLOCK).withLatency(latency));
  }
}
