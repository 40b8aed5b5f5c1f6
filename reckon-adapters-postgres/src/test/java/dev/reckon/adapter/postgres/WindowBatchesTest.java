package dev.reckon.adapter.postgres;

import static dev.reckon.ports.testing.UsageBucketBuilder.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.usage.UsageBucket;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowBatchesTest {

  private static final TimeWindow DAY =
      new TimeWindow(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z"));

  @Test
  void emptyBatchIsOneSpanOverWholeWindow() {
    var chunks = WindowBatches.split(DAY, List.<UsageBucket>of(), UsageBucket::start, 2);

    assertThat(chunks).containsExactly(new WindowBatches.Chunk<>(DAY, List.of()));
  }

  @Test
  void spansCoverWindowAndSplitBetweenStartTimes() {
    UsageBucket one = usage().at("2026-03-01T01:00:00Z").build();
    UsageBucket two = usage().at("2026-03-01T02:00:00Z").build();
    UsageBucket twoOtherModel = usage().at("2026-03-01T02:00:00Z").model("o3").build();
    UsageBucket three = usage().at("2026-03-01T03:00:00Z").build();

    var chunks =
        WindowBatches.split(DAY, List.of(three, twoOtherModel, one, two), UsageBucket::start, 2);

    assertThat(chunks)
        .containsExactly(
            new WindowBatches.Chunk<>(new TimeWindow(DAY.start(), two.start()), List.of(one)),
            new WindowBatches.Chunk<>(
                new TimeWindow(two.start(), three.start()), List.of(twoOtherModel, two)),
            new WindowBatches.Chunk<>(new TimeWindow(three.start(), DAY.end()), List.of(three)));
  }

  @Test
  void bucketsOfOneStartStayTogetherBeyondLimit() {
    List<UsageBucket> sameHour =
        List.of(usage().model("a").build(), usage().model("b").build(), usage().model("c").build());

    var chunks = WindowBatches.split(DAY, sameHour, UsageBucket::start, 2);

    assertThat(chunks).containsExactly(new WindowBatches.Chunk<>(DAY, sameHour));
  }
}
