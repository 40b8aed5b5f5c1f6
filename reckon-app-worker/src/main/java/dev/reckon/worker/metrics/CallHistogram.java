package dev.reckon.worker.metrics;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A Prometheus histogram of call durations for one label set, safe for concurrent use. */
final class CallHistogram {

  /**
   * Upper bounds of the buckets, in seconds: from a fast provider response to the 60-second call
   * timeout of the provider client.
   */
  static final double[] BOUNDS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

  private final LongAdder[] buckets = new LongAdder[BOUNDS.length];
  private final LongAdder count = new LongAdder();
  private final DoubleAdder sum = new DoubleAdder();

  CallHistogram() {
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

  long count() {
    return count.sum();
  }

  void render(PrometheusText out, String name, String labels) {
    // Calls recorded while this runs could make a bucket exceed the count read first. Buckets
    // are capped at that count because Prometheus requires +Inf to be the largest bucket.
    long total = count.sum();
    for (int i = 0; i < BOUNDS.length; i++) {
      long inBucket = Math.min(buckets[i].sum(), total);
      out.sample(name + "_bucket", labels + ",le=\"" + BOUNDS[i] + "\"", Long.toString(inBucket));
    }
    out.sample(name + "_bucket", labels + ",le=\"+Inf\"", Long.toString(total));
    out.sample(name + "_sum", labels, Double.toString(sum.sum()));
    out.sample(name + "_count", labels, Long.toString(total));
  }
}
