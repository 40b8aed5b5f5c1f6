package dev.reckon.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.domain.shared.Provider;
import dev.reckon.ports.out.MasterKeyUnavailableException;
import dev.reckon.ports.out.ProviderRateLimitedException;
import dev.reckon.ports.out.ProviderUnavailableException;
import dev.reckon.ports.out.UnableToOpenKeyException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private final JobSettings settings =
      new JobSettings(
          Duration.ofHours(1),
          Duration.ofMinutes(5),
          8,
          2,
          4,
          Duration.ofSeconds(30),
          Duration.ofMinutes(10),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          4,
          Duration.ofSeconds(30),
          Duration.ofSeconds(30));

  /** Jitter that always takes the top of its range. */
  private final RetryPolicy highest = new RetryPolicy(settings, bound -> bound - 1);

  /** Jitter that always takes the bottom of its range. */
  private final RetryPolicy lowest = new RetryPolicy(settings, bound -> 0);

  @Test
  void backoffDoublesUpToCap() {
    assertThat(highest.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(highest.backoff(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(highest.backoff(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(highest.backoff(10)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void jitterKeepsUpperHalf() {
    assertThat(lowest.backoff(1)).isEqualTo(Duration.ofSeconds(15));
    assertThat(lowest.backoff(3)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void retryAfterIsHonouredUpToCap() {
    var limited =
        new ProviderRateLimitedException(
            Provider.OPENAI, "rate_limit", "req_1", Duration.ofSeconds(7));
    var longWait =
        new ProviderRateLimitedException(
            Provider.OPENAI, "rate_limit", "req_2", Duration.ofHours(2));

    assertThat(highest.nextAttempt(limited, 1, NOW)).contains(NOW.plusSeconds(7));
    assertThat(highest.nextAttempt(longWait, 1, NOW)).contains(NOW.plus(Duration.ofMinutes(10)));
  }

  @Test
  void rateLimitWithoutRetryAfterBacksOff() {
    var limited = new ProviderRateLimitedException(Provider.ANTHROPIC, "rate_limit", "req_1", null);

    assertThat(highest.nextAttempt(limited, 2, NOW)).contains(NOW.plusSeconds(60));
  }

  @Test
  void lastAttemptGivesNoRetry() {
    var unavailable = serverError();

    assertThat(highest.nextAttempt(unavailable, 3, NOW)).isPresent();
    assertThat(highest.nextAttempt(unavailable, 4, NOW)).isEmpty();
  }

  @Test
  void unretryableFailuresGiveNoRetry() {
    assertThat(highest.nextAttempt(new UnableToOpenKeyException("sealed key is truncated"), 1, NOW))
        .isEmpty();
    assertThat(
            highest.nextAttempt(
                new MasterKeyUnavailableException(
                    MasterKeyUnavailableException.Reason.KEY_DISABLED, "KMS key disabled", null),
                1,
                NOW))
        .isEmpty();
  }

  @Test
  void nextRegularRunAddsIntervalAndJitter() {
    assertThat(lowest.nextRegularRun(NOW)).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(highest.nextRegularRun(NOW))
        .isEqualTo(NOW.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(5)));
  }

  private static ProviderUnavailableException serverError() {
    return new ProviderUnavailableException(
        Provider.OPENAI, 500, "server_error", "req_1", "failed", null);
  }
}
