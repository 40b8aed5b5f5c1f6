package dev.reckon.adapter.kms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * An array allocator for tests that keeps every array it hands out, to check they were zeroed. Each
 * array starts filled with {@code 0xA5}, so an array that was never zeroed does not pass as zeroed.
 */
public final class RecordingAllocator implements IntFunction<byte[]> {

  private static final byte MARKER = (byte) 0xA5;

  private final List<byte[]> allocated = new ArrayList<>();

  @Override
  public synchronized byte[] apply(int length) {
    byte[] array = new byte[length];
    Arrays.fill(array, MARKER);
    allocated.add(array);
    return array;
  }

  /** Returns the arrays handed out, in order, not copies. */
  public synchronized List<byte[]> allocated() {
    return List.copyOf(allocated);
  }
}
