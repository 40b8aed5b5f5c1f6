package dev.reckon.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Queues of injected failures per presented key, consumed one per request. */
final class FailureInjector {

  private final Map<String, Deque<InjectedFailure>> queues = new ConcurrentHashMap<>();

  void add(String key, InjectedFailure failure, int count) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(failure, "failure");
    if (count < 1) {
      throw new IllegalArgumentException("'count' must be at least 1 (was " + count + ")");
    }
    Deque<InjectedFailure> queue = queues.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (queue) {
      for (int i = 0; i < count; i++) {
        queue.addLast(failure);
      }
    }
  }

  /** Removes and returns the next failure queued for the key, if any. */
  Optional<InjectedFailure> next(String key) {
    Deque<InjectedFailure> queue = queues.get(key);
    if (queue == null) {
      return Optional.empty();
    }
    synchronized (queue) {
      return Optional.ofNullable(queue.pollFirst());
    }
  }

  void clear() {
    queues.clear();
  }
}
