package dev.reckon.worker.metrics;

import dev.reckon.adapter.provider.CallObserver;
import dev.reckon.adapter.provider.ObservedCall;
import dev.reckon.domain.shared.Provider;
import dev.reckon.worker.jobs.JobMetrics;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The worker's metrics in the Prometheus text format: job outcomes, ingestion lag and provider
 * calls. Hand-written like the web app's request metrics, because no metrics library is on the
 * class path.
 *
 * <p>Label values come from small fixed sets: job names, provider ids, outcomes and HTTP statuses.
 * Organization ids, key ids, URLs and error messages never become label values, so the number of
 * series stays bounded and the metrics carry no customer data.
 */
public final class WorkerMetrics implements JobMetrics, CallObserver {

  public static final String CONTENT_TYPE = PrometheusText.CONTENT_TYPE;

  static final String JOBS = "reckon_worker_jobs_total";
  static final String LAG = "reckon_worker_ingestion_lag_seconds";
  static final String CALL_DURATION = "reckon_worker_provider_call_duration_seconds";
  static final String CALLS = "reckon_worker_provider_calls_total";

  /** The provider label of a job that is not about one provider key. */
  static final String NO_PROVIDER = "none";

  private final ProviderEndpoints endpoints;
  private final Map<JobSeries, LongAdder> jobs = new ConcurrentHashMap<>();
  private final Map<String, Double> lagSeconds = new ConcurrentHashMap<>();
  private final Map<CallSeries, CallHistogram> calls = new ConcurrentHashMap<>();

  /**
   * Creates empty metrics that attribute provider calls by the configured base URLs, such as {@code
   * https://api.openai.com/v1}. A call to any other URL gets the provider label {@code other}.
   *
   * @throws IllegalArgumentException when a base URL has no scheme or host
   */
  public WorkerMetrics(Map<Provider, String> providerBaseUrls) {
    this.endpoints = new ProviderEndpoints(providerBaseUrls);
    // Ingestion series exist from the start at 0, so a scrape before the first job returns them
    // and rate() has a starting point.
    for (Provider provider : Provider.values()) {
      for (Outcome outcome : Outcome.values()) {
        jobs.put(
            new JobSeries("ingest-key", providerLabel(provider), outcomeLabel(outcome)),
            new LongAdder());
      }
    }
  }

  @Override
  public void jobFinished(String job, Provider provider, Outcome outcome) {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(outcome, "outcome");
    JobSeries series = new JobSeries(job, providerLabel(provider), outcomeLabel(outcome));
    jobs.computeIfAbsent(series, key -> new LongAdder()).increment();
  }

  @Override
  public void ingestionLag(Provider provider, Duration lag) {
    Objects.requireNonNull(lag, "lag");
    lagSeconds.put(providerLabel(provider), lag.toNanos() / 1e9);
  }

  @Override
  public void callFinished(ObservedCall call) {
    CallSeries series = new CallSeries(endpoints.providerOf(call), call.status());
    calls.computeIfAbsent(series, key -> new CallHistogram()).add(call.duration().toNanos() / 1e9);
  }

  /** Returns how many runs of {@code job} ended with {@code outcome}, over every provider. */
  public long jobCount(String job, Outcome outcome) {
    String expected = outcomeLabel(outcome);
    return jobs.entrySet().stream()
        .filter(entry -> entry.getKey().job().equals(job))
        .filter(entry -> entry.getKey().outcome().equals(expected))
        .mapToLong(entry -> entry.getValue().sum())
        .sum();
  }

  /** Returns how many provider calls finished, over every provider and status. */
  public long providerCallCount() {
    return calls.values().stream().mapToLong(CallHistogram::count).sum();
  }

  /** Renders every metric in the Prometheus text format, version 0.0.4. */
  public String render() {
    PrometheusText out = new PrometheusText();
    renderJobs(out);
    renderLag(out);
    renderCalls(out);
    return out.toString();
  }

  private void renderJobs(PrometheusText out) {
    out.family(JOBS, "counter", "Job runs finished, by job, provider and outcome.");
    jobs.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(JobSeries.ORDER))
        .forEach(
            entry ->
                out.sample(JOBS, entry.getKey().labels(), Long.toString(entry.getValue().sum())));
  }

  private void renderLag(PrometheusText out) {
    out.family(
        LAG,
        "gauge",
        "Age of the data of the key whose ingestion finished last, when that run started, by"
            + " provider.");
    lagSeconds.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            entry ->
                out.sample(
                    LAG,
                    PrometheusText.label("provider", entry.getKey()),
                    Double.toString(entry.getValue())));
  }

  private void renderCalls(PrometheusText out) {
    out.family(
        CALL_DURATION,
        "histogram",
        "Duration of provider HTTP calls until the body was read or the call failed, by provider"
            + " and status (0 when no response arrived).");
    calls.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(CallSeries.ORDER))
        .forEach(entry -> entry.getValue().render(out, CALL_DURATION, entry.getKey().labels()));
    out.family(CALLS, "counter", "Provider HTTP calls finished, by provider and status.");
    calls.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(CallSeries.ORDER))
        .forEach(
            entry ->
                out.sample(
                    CALLS, entry.getKey().labels(), Long.toString(entry.getValue().count())));
  }

  private static String providerLabel(Provider provider) {
    return provider == null ? NO_PROVIDER : provider.id();
  }

  private static String outcomeLabel(Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT);
  }

  private record JobSeries(String job, String provider, String outcome) {

    static final Comparator<JobSeries> ORDER =
        Comparator.comparing(JobSeries::job)
            .thenComparing(JobSeries::provider)
            .thenComparing(JobSeries::outcome);

    String labels() {
      return PrometheusText.label("job", job)
          + ","
          + PrometheusText.label("provider", provider)
          + ","
          + PrometheusText.label("outcome", outcome);
    }
  }

  private record CallSeries(String provider, int status) {

    static final Comparator<CallSeries> ORDER =
        Comparator.comparing(CallSeries::provider).thenComparingInt(CallSeries::status);

    String labels() {
      return PrometheusText.label("provider", provider)
          + ","
          + PrometheusText.label("status", Integer.toString(status));
    }
  }
}
