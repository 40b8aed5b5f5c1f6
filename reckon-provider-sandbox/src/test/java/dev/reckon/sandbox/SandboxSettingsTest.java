package dev.reckon.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

  @Test
  void defaultsAddNoLatency() {
    assertThat(SandboxSettings.defaults().latency()).isEqualTo(Duration.ZERO);
    assertThat(new SandboxSettings(0, 1, Clock.systemUTC()).latency()).isEqualTo(Duration.ZERO);
  }

  @Test
  void withLatencyKeepsTheOtherSettings() {
    SandboxSettings settings =
        SandboxSettings.defaults().withPort(8089).withSeed(5).withClock(SandboxHttp.CLOCK);

    SandboxSettings slow = settings.withLatency(Duration.ofMillis(200));

    assertThat(slow.latency()).isEqualTo(Duration.ofMillis(200));
    assertThat(slow.port()).isEqualTo(8089);
    assertThat(slow.seed()).isEqualTo(5);
    assertThat(slow.clock()).isEqualTo(SandboxHttp.CLOCK);
    assertThat(slow.withSeed(6).latency()).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void latencyOutsideRangeIsRejected() {
    SandboxSettings settings = SandboxSettings.defaults();

    assertThatThrownBy(() -> settings.withLatency(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'latency' must be from 0 to 60000 ms (was PT-0.001S)");
    assertThatThrownBy(() -> settings.withLatency(Duration.ofSeconds(61)))
        .hasMessage("'latency' must be from 0 to 60000 ms (was PT1M1S)");
    assertThatThrownBy(() -> settings.withLatency(null)).isInstanceOf(NullPointerException.class);
  }
}
