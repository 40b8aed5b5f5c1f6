package dev.reckon.adapter.kms.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.ports.out.UnableToOpenKeyException;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * The outcome of one call under test: the value it returned or the {@link UnableToOpenKeyException}
 * it threw, and the heap bytes the calling thread allocated meanwhile. Any other exception or error
 * is not caught, so the fuzz test fails with it.
 *
 * <p>The count comes from HotSpot's per-thread allocation counter ({@code
 * com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}). It includes the exception
 * object and its stack trace, which is why the bounds in the fuzz tests have a constant part.
 */
record MeasuredCall<T>(T value, UnableToOpenKeyException rejection, long allocatedBytes) {

  private static final com.sun.management.ThreadMXBean THREADS = threadBean();

  /**
   * Runs {@code call} and checks that it allocated at most {@code maxBytes}. When the first run is
   * over the bound, the call runs once more and the second run must be within it, because the first
   * run of a code path on a thread also loads and links classes. An allocation sized from an
   * unchecked length field repeats on every run, so the second run still catches it.
   */
  static <T> MeasuredCall<T> runWithin(long maxBytes, Supplier<T> call) {
    MeasuredCall<T> first = run(call);
    if (first.allocatedBytes() <= maxBytes) {
      return first;
    }
    closeIfPossible(first.value());
    MeasuredCall<T> second = run(call);
    assertThat(second.allocatedBytes())
        .as("bytes allocated by the second run (the first allocated %d)", first.allocatedBytes())
        .isLessThanOrEqualTo(maxBytes);
    return second;
  }

  private static <T> MeasuredCall<T> run(Supplier<T> call) {
    long start = THREADS.getCurrentThreadAllocatedBytes();
    T value = null;
    UnableToOpenKeyException rejection = null;
    try {
      value = call.get();
    } catch (UnableToOpenKeyException e) {
      rejection = e;
    }
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - start;
    return new MeasuredCall<>(value, rejection, allocated);
  }

  private static void closeIfPossible(Object value) {
    if (value instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the result of a measured call failed", e);
      }
    }
  }

  private static com.sun.management.ThreadMXBean threadBean() {
    if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean)
        || !bean.isThreadAllocatedMemorySupported()) {
      throw new IllegalStateException(
          "this JVM does not count allocated bytes per thread; run the fuzz tests on HotSpot");
    }
    bean.setThreadAllocatedMemoryEnabled(true);
    return bean;
  }
}
