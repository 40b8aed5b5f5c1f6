package dev.reckon.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.usage.BucketWidth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowPlannerTest {

  private static final Instant NOW = Instant.parse("2026-12-04T19:42:13Z");

  @Test
  void firstConnectBackfillsToRetentionInChunks() {
    List<TimeWindow> chunks =
        WindowPlanner.plan(
            Optional.empty(), NOW, BucketWidth.HOUR, Duration.ofHours(48), 90, Duration.ofDays(31));

    assertThat(chunks.get(0).start()).isEqualTo(Instant.parse("2026-09-06T00:00:00Z"));
    assertThat(chunks.get(chunks.size() - 1).end())
        .isEqualTo(Instant.parse("2026-12-04T19:00:00Z"));
    assertThat(chunks).hasSize(3);
    assertThat(chunks.get(1).start()).isEqualTo(chunks.get(0).end());
  }

  @Test
  void laterRunsReachBackByTheLookBack() {
    Optional<Instant> watermark = Optional.of(Instant.parse("2026-12-04T17:00:00Z"));

    List<TimeWindow> chunks =
        WindowPlanner.plan(
            watermark, NOW, BucketWidth.HOUR, Duration.ofHours(48), 90, Duration.ofDays(31));

    assertThat(chunks)
        .containsExactly(
            new TimeWindow(
                Instant.parse("2026-12-02T17:00:00Z"), Instant.parse("2026-12-04T19:00:00Z")));
  }

  @Test
  void costWindowEndsAtLastCompleteUtcDay() {
    Optional<Instant> watermark = Optional.of(Instant.parse("2026-12-04T00:00:00Z"));

    List<TimeWindow> chunks =
        WindowPlanner.plan(
            watermark, NOW, BucketWidth.DAY, Duration.ofDays(7), 365, Duration.ofDays(31));

    assertThat(chunks)
        .containsExactly(
            new TimeWindow(
                Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-12-04T00:00:00Z")));
  }

  @Test
  void lookBackNeverReachesPastRetention() {
    Optional<Instant> staleWatermark = Optional.of(Instant.parse("2025-01-01T00:00:00Z"));

    List<TimeWindow> chunks =
        WindowPlanner.plan(
            staleWatermark, NOW, BucketWidth.DAY, Duration.ofDays(7), 30, Duration.ofDays(31));

    assertThat(chunks)
        .containsExactly(
            new TimeWindow(
                Instant.parse("2026-11-05T00:00:00Z"), Instant.parse("2026-12-04T00:00:00Z")));
  }

  @Test
  void currentWatermarkNeedsNoFetch() {
    Optional<Instant> watermark = Optional.of(Instant.parse("2026-12-04T19:00:00Z"));

    List<TimeWindow> chunks =
        WindowPlanner.plan(
            watermark, NOW, BucketWidth.HOUR, Duration.ZERO, 30, Duration.ofDays(31));

    assertThat(chunks).isEmpty();
  }
}
