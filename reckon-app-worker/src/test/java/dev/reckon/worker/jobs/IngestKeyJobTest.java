package dev.reckon.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.ports.out.UnableToOpenKeyException;
import org.junit.jupiter.api.Test;

class IngestKeyJobTest {

  @Test
  void describeKeepsReckonMessages() {
    assertThat(IngestKeyJob.describe(new UnableToOpenKeyException("sealed key is truncated")))
        .isEqualTo("sealed key is truncated");
  }

  @Test
  void describeRedactsKeyShapedText() {
    String described =
        IngestKeyJob.describe(
            new UnableToOpenKeyException("failed for sk-admin-FAKE-abcdefghijklmnopqrstuvwx"));

    assertThat(described).doesNotContain("abcdefghij").contains("[redacted]");
  }

  @Test
  void describeHidesForeignMessages() {
    assertThat(IngestKeyJob.describe(new IllegalStateException("body was {\"key\":\"x\"}")))
        .isEqualTo("unexpected IllegalStateException");
  }

  @Test
  void describeCutsToDeadLetterLimit() {
    String described = IngestKeyJob.describe(new UnableToOpenKeyException("x".repeat(600)));

    assertThat(described).hasSize(500).endsWith("…");
  }
}
