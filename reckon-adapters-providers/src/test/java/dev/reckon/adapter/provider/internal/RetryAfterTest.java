package dev.reckon.adapter.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-03-05T00:00:00Z");

  @Test
  void secondsBecomeDuration() {
    assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void futureHttpDateBecomesDelay() {
    assertThat(RetryAfter.parse("Thu, 05 Mar 2026 00:00:45 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void pastHttpDateBecomesZero() {
    assertThat(RetryAfter.parse("Wed, 04 Mar 2026 23:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void invalidValuesAreIgnored() {
    assertThat(RetryAfter.parse(null, NOW)).isNull();
    assertThat(RetryAfter.parse(" ", NOW)).isNull();
    assertThat(RetryAfter.parse("-5", NOW)).isNull();
    assertThat(RetryAfter.parse("soon", NOW)).isNull();
    assertThat(RetryAfter.parse("99999999999999", NOW)).isNull();
  }
}
