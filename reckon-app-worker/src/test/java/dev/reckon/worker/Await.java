package dev.reckon.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for what other threads or processes do, in the integration tests. */
final class Await {

  private Await() {}

  /**
   * Returns once {@code condition} holds, checking every 100 ms.
   *
   * @throws AssertionError when it does not hold within {@code limit}
   */
  static void until(Duration limit, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not met within " + limit);
      }
      pause(Duration.ofMillis(100));
    }
  }

  /** Sleeps for {@code duration}, failing the test when interrupted. */
  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }
}
