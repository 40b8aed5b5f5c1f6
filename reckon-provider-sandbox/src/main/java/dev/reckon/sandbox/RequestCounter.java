package dev.reckon.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts requests per raw path, whatever their outcome. */
final class RequestCounter {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void increment(String path) {
    counts.computeIfAbsent(path, p -> new LongAdder()).increment();
  }

  long count(String path) {
    LongAdder count = counts.get(path);
    return count == null ? 0 : count.sum();
  }

  long total() {
    long total = 0;
    for (LongAdder count : counts.values()) {
      total += count.sum();
    }
    return total;
  }

  /** Returns a snapshot ordered by path. */
  Map<String, Long> snapshot() {
    Map<String, Long> snapshot = new TreeMap<>();
    counts.forEach((path, count) -> snapshot.put(path, count.sum()));
    return snapshot;
  }
}
