package dev.reckon.adapter.kms;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A SecureRandom for tests that records every array it fills, can play back fixed bytes, and can
 * fail on a chosen call to inject an error in the middle of an operation.
 */
public final class TestRandom extends SecureRandom {

  private final SecureRandom source = new SecureRandom();
  private final Deque<byte[]> script;
  private final List<byte[]> filled = new ArrayList<>();
  private int failOnCall;

  private TestRandom(List<byte[]> script) {
    this.script = new ArrayDeque<>(script);
  }

  /** Returns real random bytes. */
  public static TestRandom real() {
    return new TestRandom(List.of());
  }

  /** Returns {@code outputs} in order, one per call, each of exactly the requested length. */
  public static TestRandom scripted(byte[]... outputs) {
    return new TestRandom(List.of(outputs));
  }

  /** Makes call number {@code call} (counting from 1) throw an IllegalStateException. */
  public TestRandom failingOnCall(int call) {
    failOnCall = call;
    return this;
  }

  /** Returns the arrays this random filled, in call order, not copies. */
  public List<byte[]> filledArrays() {
    return filled;
  }

  @Override
  public synchronized void nextBytes(byte[] bytes) {
    filled.add(bytes);
    if (filled.size() == failOnCall) {
      throw new IllegalStateException("injected random failure");
    }
    if (script.isEmpty()) {
      source.nextBytes(bytes);
      return;
    }
    byte[] next = script.removeFirst();
    if (next.length != bytes.length) {
      throw new AssertionError(
          "scripted output has " + next.length + " bytes, requested " + bytes.length);
    }
    System.arraycopy(next, 0, bytes, 0, next.length);
  }

  /** Returns whether every array in {@code arrays} holds only zero bytes. */
  public static boolean allZero(List<byte[]> arrays) {
    return arrays.stream().allMatch(array -> Arrays.equals(array, new byte[array.length]));
  }
}
