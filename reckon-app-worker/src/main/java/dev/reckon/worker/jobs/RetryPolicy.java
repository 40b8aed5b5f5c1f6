package dev.reckon.worker.jobs;

import dev.reckon.ports.out.ProviderRateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongUnaryOperator;

/**
 * Decides what follows a failed attempt: another attempt after a delay, or a dead letter and the
 * next regular run.
 *
 * <p>A provider's {@code Retry-After} is honoured up to the backoff cap. Otherwise the delay
 * doubles from the base with each attempt, up to the cap, and is then drawn at random from its
 * upper half so that many keys failing together do not retry together.
 */
final class RetryPolicy {

  private final JobSettings settings;
  private final LongUnaryOperator random;

  /**
   * Creates a policy whose jitter comes from {@code random}, which maps a bound {@code n} to a
   * value from 0 (inclusive) to {@code n} (exclusive).
   */
  RetryPolicy(JobSettings settings, LongUnaryOperator random) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Returns the time of the next attempt, or empty when the failure is not retryable or {@code
   * attempt} was the last one allowed.
   *
   * @param attempt the number of the attempt that failed, from 1
   */
  Optional<Instant> nextAttempt(Throwable failure, int attempt, Instant now) {
    if (!FailureCategory.of(failure).retryable() || attempt >= settings.maxAttempts()) {
      return Optional.empty();
    }
    if (failure instanceof ProviderRateLimitedException limited
        && limited.retryAfter().isPresent()) {
      Duration wait = limited.retryAfter().get();
      return Optional.of(
          now.plus(wait.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : wait));
    }
    return Optional.of(now.plus(backoff(attempt)));
  }

  /** Returns the delay after failed attempt number {@code attempt}, jitter included. */
  Duration backoff(int attempt) {
    long base = settings.backoffBase().toMillis();
    long cap = settings.backoffMax().toMillis();
    long delay = base;
    for (int i = 1; i < attempt && delay < cap; i++) {
      delay *= 2;
    }
    delay = Math.min(delay, cap);
    long half = delay / 2;
    return Duration.ofMillis(half + (half > 0 ? random.applyAsLong(half + 1) : 0));
  }

  /** Returns the time of the next regular run after {@code now}, with jitter. */
  Instant nextRegularRun(Instant now) {
    long jitter = settings.maxJitter().toMillis();
    return now.plus(settings.pollInterval())
        .plusMillis(jitter > 0 ? random.applyAsLong(jitter + 1) : 0);
  }
}
