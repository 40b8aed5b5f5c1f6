package dev.reckon.web;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts and latencies by method, route template and status, in the Prometheus text format.
 * Hand-written because no metrics library is on the class path, and kept to one histogram so that
 * it stays small. Labels are route templates, never raw paths, so ids (of organizations, keys or
 * anything else) never become label values.
 */
final class HttpMetrics {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  static final String NAME = "reckon_http_server_requests_seconds";

  /** Upper bounds of the latency buckets, in seconds. */
  private static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final Map<Series, Histogram> histograms = new ConcurrentHashMap<>();

  void record(String method, String route, int status, double seconds) {
    histograms
        .computeIfAbsent(new Series(method, route, status), key -> new Histogram())
        .add(seconds);
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append("# HELP ")
        .append(NAME)
        .append(" HTTP requests handled, by route template and status.\n");
    out.append("# TYPE ").append(NAME).append(" histogram\n");
    histograms.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Series.ORDER))
        .forEach(entry -> entry.getValue().render(out, entry.getKey().labels()));
    return out.toString();
  }

  private record Series(String method, String route, int status) {

    static final Comparator<Series> ORDER =
        Comparator.comparing(Series::route)
            .thenComparing(Series::method)
            .thenComparingInt(Series::status);

    String labels() {
      return "method=\""
          + escape(method)
          + "\",route=\""
          + escape(route)
          + "\",status=\""
          + status
          + "\"";
    }
  }

  private static final class Histogram {
    private final LongAdder[] buckets = new LongAdder[BOUNDS.length];
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    Histogram() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void add(double seconds) {
      for (int i = 0; i < BOUNDS.length; i++) {
        if (seconds <= BOUNDS[i]) {
          buckets[i].increment();
        }
      }
      count.increment();
      sum.add(seconds);
    }

    void render(StringBuilder out, String labels) {
      // Requests recorded while this runs could make a bucket exceed the count read first, so
      // buckets are capped at it: Prometheus requires +Inf to be the largest bucket.
      long total = count.sum();
      for (int i = 0; i < BOUNDS.length; i++) {
        long inBucket = Math.min(buckets[i].sum(), total);
        line(out, "_bucket", labels + ",le=\"" + BOUNDS[i] + "\"", Long.toString(inBucket));
      }
      line(out, "_bucket", labels + ",le=\"+Inf\"", Long.toString(total));
      line(out, "_sum", labels, Double.toString(sum.sum()));
      line(out, "_count", labels, Long.toString(total));
    }

    private static void line(StringBuilder out, String suffix, String labels, String value) {
      out.append(NAME)
          .append(suffix)
          .append('{')
          .append(labels)
          .append("} ")
          .append(value)
          .append('\n');
    }
  }

  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
