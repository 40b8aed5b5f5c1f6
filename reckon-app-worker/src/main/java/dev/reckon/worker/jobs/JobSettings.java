package dev.reckon.worker.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * The timing and limits of the worker's scheduled jobs.
 *
 * @param pollInterval time between two runs of one key's ingestion
 * @param maxJitter the most a run is moved later at random, so keys do not poll in lockstep
 * @param threads jobs one worker process runs at the same time
 * @param maxPerOrganization jobs of one organization one worker process runs at the same time
 * @param maxAttempts attempts of one run before it becomes a dead letter
 * @param backoffBase delay after the first failed attempt; each further attempt doubles it
 * @param backoffMax the longest delay between attempts, also the cap on a provider's Retry-After
 * @param pollingInterval how often a worker looks for due jobs
 * @param heartbeatInterval how often a worker marks its running jobs as alive
 * @param missedHeartbeats heartbeats a crashed worker may miss before another takes its jobs
 * @param reconcileInterval how often schedules are matched to the stored keys and requests
 * @param shutdownGrace how long running jobs may take to finish after a stop signal
 */
public record JobSettings(
    Duration pollInterval,
    Duration maxJitter,
    int threads,
    int maxPerOrganization,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffMax,
    Duration pollingInterval,
    Duration heartbeatInterval,
    int missedHeartbeats,
    Duration reconcileInterval,
    Duration shutdownGrace) {

  public JobSettings {
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(maxJitter, "maxJitter");
    Objects.requireNonNull(backoffBase, "backoffBase");
    Objects.requireNonNull(backoffMax, "backoffMax");
    Objects.requireNonNull(pollingInterval, "pollingInterval");
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(reconcileInterval, "reconcileInterval");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    if (threads < 1) {
      throw new IllegalArgumentException("'threads' must be at least 1 (was " + threads + ")");
    }
    if (maxPerOrganization < 1 || maxPerOrganization > threads) {
      throw new IllegalArgumentException(
          "'maxPerOrganization' must be from 1 to threads ("
              + threads
              + ") (was "
              + maxPerOrganization
              + ")");
    }
    if (missedHeartbeats < 4) {
      // db-scheduler's own minimum, so that a slow heartbeat is not taken for a dead worker.
      throw new IllegalArgumentException(
          "'missedHeartbeats' must be at least 4 (was " + missedHeartbeats + ")");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          "'maxAttempts' must be at least 1 (was " + maxAttempts + ")");
    }
  }

  /**
   * Returns the defaults: hourly polls with up to 5 minutes of jitter, 8 threads with at most a
   * quarter for one organization, 5 attempts backing off from 30 seconds to 30 minutes.
   */
  public static JobSettings defaults() {
    return new JobSettings(
        Duration.ofHours(1),
        Duration.ofMinutes(5),
        8,
        2,
        5,
        Duration.ofSeconds(30),
        Duration.ofMinutes(30),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        4,
        Duration.ofSeconds(30),
        Duration.ofSeconds(30));
  }
}
