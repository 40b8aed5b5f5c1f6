package dev.reckon.worker.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Peak memory of this process over a measured part: the JVM's heap pools and the resident set.
 *
 * <p>The heap figure adds the peak of each heap pool (eden, survivor, old generation). The pools
 * peak at different moments, so the sum is an upper bound of the peak heap in use. The resident set
 * high-water mark is Linux's {@code VmHWM}, which {@link #reset()} sets back to the current
 * resident set by writing 5 to {@code /proc/self/clear_refs}.
 */
final class PeakMemory {

  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  private boolean residentReset;

  /** Collects garbage, then starts both peaks from the current usage. */
  void reset() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
    try {
      Files.writeString(CLEAR_REFS, "5");
      residentReset = true;
    } catch (IOException | UnsupportedOperationException e) {
      residentReset = false;
    }
  }

  /** Returns the sum of the heap pools' peak usage since {@link #reset()}, in bytes. */
  long peakHeapBytes() {
    long total = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        total += pool.getPeakUsage().getUsed();
      }
    }
    return total;
  }

  /** Returns the maximum heap size the JVM may grow to, in bytes. */
  long maxHeapBytes() {
    return Runtime.getRuntime().maxMemory();
  }

  /** Returns {@code VmHWM} in bytes, or empty when {@code /proc/self/status} cannot be read. */
  OptionalLong residentHighWaterBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmHWM:")) {
          String kilobytes = line.substring("VmHWM:".length()).replace("kB", "").strip();
          return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
        }
      }
    } catch (IOException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }

  /** Returns whether the resident high-water mark was reset, or counts from the process start. */
  boolean residentReset() {
    return residentReset;
  }
}
