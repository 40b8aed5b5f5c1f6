package dev.reckon.worker.jobs;

import dev.reckon.domain.shared.Provider;
import java.time.Duration;

/** Receives what the jobs do, for the worker's metrics. */
public interface JobMetrics {

  JobMetrics NONE =
      new JobMetrics() {
        @Override
        public void jobFinished(String job, Provider provider, Outcome outcome) {}

        @Override
        public void ingestionLag(Provider provider, Duration lag) {}
      };

  /** The outcome of one job run. */
  enum Outcome {
    SUCCEEDED,
    FAILED,
    RETRIED,
    DEAD_LETTERED
  }

  /** Counts one run of {@code job}; {@code provider} is null for jobs not about one key. */
  void jobFinished(String job, Provider provider, Outcome outcome);

  /** Records how far behind now the data of a key is after a successful run. */
  void ingestionLag(Provider provider, Duration lag);
}
