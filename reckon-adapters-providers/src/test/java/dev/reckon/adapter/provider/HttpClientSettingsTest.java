package dev.reckon.adapter.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpClientSettingsTest {

  @Test
  void productionDefaults() {
    HttpClientSettings settings = HttpClientSettings.forProduction();

    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(settings.writeTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.maxResponseBytes()).isEqualTo(32L * 1024 * 1024);
    assertThat(settings.userAgent()).isEqualTo("reckon/0.1");
    assertThat(settings.production()).isTrue();
    assertThat(settings.allowLoopbackHttp()).isFalse();
  }

  @Test
  void loopbackHttpInProductionIsRejected() {
    assertThatThrownBy(() -> HttpClientSettings.forProduction().withMode(true, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'allowLoopbackHttp' must be false in production mode: provider calls must use https");
  }

  @Test
  void zeroTimeoutIsRejected() {
    assertThatThrownBy(
            () ->
                HttpClientSettings.forProduction()
                    .withTimeouts(
                        Duration.ofSeconds(1),
                        Duration.ZERO,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'readTimeout' must be positive (was PT0S)");
  }

  @Test
  void tinyResponseLimitIsRejected() {
    assertThatThrownBy(() -> HttpClientSettings.forProduction().withMaxResponseBytes(100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'maxResponseBytes' must be at least 1024 (was 100)");
  }

  @Test
  void userAgentWithLineBreakIsRejected() {
    HttpClientSettings base = HttpClientSettings.forProduction();

    assertThatThrownBy(
            () ->
                new HttpClientSettings(
                    base.connectTimeout(),
                    base.readTimeout(),
                    base.writeTimeout(),
                    base.callTimeout(),
                    base.maxResponseBytes(),
                    "reckon\r\nX: 1",
                    true,
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'userAgent' must be 1 to 200 printable ASCII characters (was 'reckon\r\nX: 1')");
  }
}
