package dev.reckon.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random choices for building the seeded world, all drawn from one {@link SplittableRandom}. */
final class SeededRandom {

  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String HEX = "0123456789abcdef";

  private final SplittableRandom random;

  SeededRandom(long seed) {
    this.random = new SplittableRandom(seed);
  }

  String alphanumeric(int length) {
    return characters(ALPHANUMERIC, length);
  }

  String hex(int length) {
    return characters(HEX, length);
  }

  /** Returns a UUID-shaped string of random hex digits. */
  String uuid() {
    return hex(8) + "-" + hex(4) + "-" + hex(4) + "-" + hex(4) + "-" + hex(12);
  }

  /** Returns an int in [min, max], both inclusive. */
  int between(int min, int max) {
    return random.nextInt(min, max + 1);
  }

  double between(double min, double max) {
    return random.nextDouble(min, max);
  }

  /** Returns a number whose logarithm is uniform in [log min, log max), for spreads of scale. */
  double logUniform(double min, double max) {
    return Math.exp(random.nextDouble(Math.log(min), Math.log(max)));
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** Returns {@code count} distinct items in random order. */
  <T> List<T> pickDistinct(List<T> items, int count) {
    List<T> pool = new ArrayList<>(items);
    List<T> picked = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      picked.add(pool.remove(random.nextInt(pool.size())));
    }
    return picked;
  }

  /** Returns a whole second in [from, from + span). */
  Instant instantWithin(Instant from, Duration span) {
    return from.plusSeconds(random.nextLong(span.toSeconds()));
  }

  private String characters(String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
