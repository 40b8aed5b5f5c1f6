package dev.reckon.worker.bench;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.worker.jobs.IngestKeyJob;
import dev.reckon.worker.jobs.JobRunner;
import org.jdbi.v3.core.Jdbi;

/**
 * Samples how many ingestion jobs the worker has picked from the job table, at most every 250 ms,
 * and averages the samples. A picked job is running or about to run on one of the worker's threads,
 * so the mean shows how busy the threads were.
 */
final class RunningJobs {

  private static final long SAMPLE_EVERY_NANOS = 250_000_000L;

  private final Jdbi worker;
  private long nextSample = System.nanoTime();
  private long samples;
  private long pickedTotal;

  RunningJobs(TestDatabase database) {
    this.worker = database.worker();
  }

  void sampleIfDue() {
    if (System.nanoTime() < nextSample) {
      return;
    }
    nextSample = System.nanoTime() + SAMPLE_EVERY_NANOS;
    int picked =
        worker.withHandle(
            handle ->
                handle
                    .createQuery(
                        "select count(*) from "
                            + JobRunner.TABLE
                            + " where task_name = :task and picked")
                    .bind("task", IngestKeyJob.NAME)
                    .mapTo(Integer.class)
                    .one());
    samples++;
    pickedTotal += picked;
  }

  /** Returns the mean of the samples, or 0 without any. */
  double mean() {
    return samples == 0 ? 0 : (double) pickedTotal / samples;
  }
}
