package dev.reckon.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PostgresTimeZonesTest {

  @Test
  void regionNameIsKept() {
    assertThat(PostgresTimeZones.of(ZoneId.of("America/New_York"))).isEqualTo("America/New_York");
  }

  @Test
  void zeroOffsetIsUtc() {
    assertThat(PostgresTimeZones.of(ZoneOffset.UTC)).isEqualTo("UTC");
    assertThat(PostgresTimeZones.of(ZoneId.of("UTC"))).isEqualTo("UTC");
    assertThat(PostgresTimeZones.of(ZoneId.of("GMT"))).isEqualTo("UTC");
  }

  @Test
  void offsetEastBecomesPosixWithInvertedSign() {
    assertThat(PostgresTimeZones.of(ZoneOffset.ofHoursMinutes(5, 30))).isEqualTo("<+0530>-05:30");
    assertThat(PostgresTimeZones.of(ZoneId.of("UTC+2"))).isEqualTo("<+0200>-02:00");
  }

  @Test
  void offsetWestBecomesPosixWithInvertedSign() {
    assertThat(PostgresTimeZones.of(ZoneOffset.ofHours(-3))).isEqualTo("<-0300>+03:00");
  }

  @Test
  void offsetWithSecondsKeepsSeconds() {
    assertThat(PostgresTimeZones.of(ZoneOffset.ofHoursMinutesSeconds(1, 2, 3)))
        .isEqualTo("<+010203>-01:02:03");
  }
}
