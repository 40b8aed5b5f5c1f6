package dev.reckon.worker.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reckon.adapter.postgres.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Measures throughput and latency of the usage summary and timeseries routes under concurrent
 * authenticated requests, next to a bare Javalin route in the same JVM and run.
 *
 * <p>Stores one organization with hourly usage (by default a year for 10 API keys × 10 models,
 * 876,000 rows) in a throwaway database, then sends a fixed number of requests per case from
 * concurrent clients over loopback HTTP/1.1. Run it with {@code ./reckon bench web [flags]}; {@link
 * BenchmarkOptions#USAGE} lists the flags.
 *
 * <p>NOTE: on 2 cores the 365-day cases handled under 1 request/s at the default data size, so the
 * default 2,000 requests per case take hours. Pass a smaller {@code --requests} for them.
 */
public final class WebBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WebBenchmark() {}

  /** One kind of request under load, and the JSON array its probe response must fill. */
  private record Case(String label, URI uri, String arrayField) {}

  public static void main(String[] args) throws Exception {
    // Only warnings and errors are logged, as for the command-line tools, so the table stays
    // readable.
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    BenchmarkOptions options;
    try {
      options = BenchmarkOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("reckon bench web: " + e.getMessage());
      System.err.println(BenchmarkOptions.USAGE);
      System.exit(2);
      return;
    }
    System.out.printf(
        "Web API benchmark: %,d usage rows (%d hours x %d API keys x %d models), %d clients,"
            + " %,d requests per case after %,d warm-up requests%n",
        options.rows(),
        options.hours(),
        options.keys(),
        options.models(),
        options.clients(),
        options.requests(),
        options.warmup());

    try (TestDatabase database = TestDatabase.create()) {
      long started = System.nanoTime();
      LocalDate lastDay = UsageSeeder.seed(database, options);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "Stored the usage in %.1f s (%,.0f rows/s)%n", seconds, options.rows() / seconds);

      VerifierCheck verifierCheck = VerifierCheck.attach();
      try (BenchmarkServers servers = new BenchmarkServers(database, verifierCheck)) {
        long apiRequests = measure(servers, options, lastDay);
        reportVerification(verifierCheck, apiRequests);
      }
    }
  }

  // Returns how many requests reached the web API, warm-up and probes included.
  private static long measure(BenchmarkServers servers, BenchmarkOptions options, LocalDate lastDay)
      throws Exception {
    List<String> authorizations = new ArrayList<>();
    for (int i = 0; i < options.clients(); i++) {
      authorizations.add("Bearer " + servers.memberToken());
    }
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    LoadRun load = new LoadRun(http, authorizations);

    System.out.printf(
        "%-52s %9s %9s %9s %9s  %s%n",
        "case", "req/s", "p50 ms", "p99 ms", "bare/case", "response");
    Case bareCase = new Case("bare Javalin route, constant JSON", servers.bare(), null);
    String bareResponse = probe(load, bareCase);
    LoadRun.Result bare = run(load, bareCase, options);
    print(bareCase, bareResponse, bare, bare);
    long apiRequests = 0;
    for (Case apiCase : apiCases(servers, lastDay)) {
      String response = probe(load, apiCase);
      print(apiCase, response, run(load, apiCase, options), bare);
      apiRequests += 1 + options.warmup() + options.requests();
    }
    return apiRequests;
  }

  private static List<Case> apiCases(BenchmarkServers servers, LocalDate lastDay) {
    String month = "from=" + lastDay.minusDays(29) + "&to=" + lastDay;
    String year = "from=" + lastDay.minusDays(364) + "&to=" + lastDay;
    return List.of(
        new Case(
            "summary, 30 days, group_by=model",
            servers.api("/usage/summary?" + month + "&group_by=model"),
            "rows"),
        new Case(
            "summary, 365 days, group_by=model",
            servers.api("/usage/summary?" + year + "&group_by=model"),
            "rows"),
        new Case(
            "timeseries, 365 days, bucket=day, group_by=provider",
            servers.api("/usage/timeseries?" + year + "&bucket=day&group_by=provider"),
            "points"));
  }

  private static LoadRun.Result run(LoadRun load, Case benchCase, BenchmarkOptions options)
      throws Exception {
    if (options.warmup() > 0) {
      load.run(benchCase.uri(), options.warmup());
    }
    return load.run(benchCase.uri(), options.requests());
  }

  // Checks that the route returns data, so that an empty result cannot pass for a fast one.
  private static String probe(LoadRun load, Case benchCase) throws Exception {
    String body = load.fetch(benchCase.uri());
    if (benchCase.arrayField() == null) {
      return String.format("%,d bytes", body.length());
    }
    int size = JSON.readTree(body).path(benchCase.arrayField()).size();
    if (size == 0) {
      throw new IllegalStateException(
          benchCase.label() + " returned no " + benchCase.arrayField() + ": " + body);
    }
    return String.format("%,d bytes, %d %s", body.length(), size, benchCase.arrayField());
  }

  private static void print(
      Case benchCase, String response, LoadRun.Result result, LoadRun.Result bare) {
    System.out.printf(
        "%-52s %9.2f %9.2f %9.2f %9.1f  %s%n",
        benchCase.label(),
        result.requestsPerSecond(),
        result.percentileMillis(50),
        result.percentileMillis(99),
        bare.requestsPerSecond() / result.requestsPerSecond(),
        response);
  }

  private static void reportVerification(VerifierCheck verifierCheck, long apiRequests) {
    verifierCheck.requireOneFixedKeyVerifier(apiRequests);
    System.out.printf(
        "Token verification: %,d tokens verified by the one verifier built at startup (%s)."
            + " JWKS fetches: 0, because the development sign-in key is a fixed PEM key that"
            + " needs no fetch.%n",
        verifierCheck.verifications(), verifierCheck.constructorMessages().get(0));
  }
}
