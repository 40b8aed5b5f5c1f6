package dev.reckon.worker.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a fixed number of GET requests to one URI from concurrent clients. Each client sends its
 * next request as soon as the previous response has arrived, so the load is closed-loop.
 */
final class LoadRun {

  /**
   * One run's wall time and the sorted latency of each request, both in nanoseconds.
   *
   * @param wallNanos from before the first request to after the last response
   */
  record Result(long wallNanos, long[] sortedLatencyNanos) {

    double requestsPerSecond() {
      return sortedLatencyNanos.length / (wallNanos / 1e9);
    }

    /** Returns the nearest-rank percentile, {@code percent} from 0 (exclusive) to 100. */
    double percentileMillis(double percent) {
      int rank = (int) Math.ceil(percent / 100 * sortedLatencyNanos.length);
      return sortedLatencyNanos[Math.max(rank, 1) - 1] / 1e6;
    }
  }

  private final HttpClient http;
  private final List<String> authorizations;

  /**
   * @param authorizations one {@code Authorization} header value per client
   */
  LoadRun(HttpClient http, List<String> authorizations) {
    this.http = http;
    this.authorizations = List.copyOf(authorizations);
  }

  /** Sends {@code requests} requests and fails when any response is not 200. */
  Result run(URI uri, int requests) throws InterruptedException {
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(authorizations.size());
    try {
      long started = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (String authorization : authorizations) {
        running.add(
            clients.submit(
                () -> {
                  sendUntilDone(request(uri, authorization), latencies, next);
                  return null;
                }));
      }
      for (Future<?> client : running) {
        awaitClient(client);
      }
      long wall = System.nanoTime() - started;

      Arrays.sort(latencies);
      return new Result(wall, latencies);
    } finally {
      clients.shutdownNow();
    }
  }

  /** Sends one request and returns the body of its 200 response. */
  String fetch(URI uri) throws Exception {
    return send(request(uri, authorizations.get(0)));
  }

  private void sendUntilDone(HttpRequest request, long[] latencies, AtomicInteger next)
      throws Exception {
    for (int i = next.getAndIncrement(); i < latencies.length; i = next.getAndIncrement()) {
      long started = System.nanoTime();
      send(request);
      latencies[i] = System.nanoTime() - started;
    }
  }

  private String send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      String body = response.body();
      throw new IllegalStateException(
          "GET "
              + request.uri()
              + " returned status "
              + response.statusCode()
              + ", expected 200: "
              + body.substring(0, Math.min(body.length(), 500)));
    }
    return response.body();
  }

  private static HttpRequest request(URI uri, String authorization) {
    return HttpRequest.newBuilder(uri).header("Authorization", authorization).GET().build();
  }

  private static void awaitClient(Future<?> client) throws InterruptedException {
    try {
      client.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a benchmark client failed: " + e.getCause(), e.getCause());
    }
  }
}
