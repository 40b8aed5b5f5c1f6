package dev.reckon.sandbox;

/**
 * Stateless hashing that turns a tuple of numbers into well-mixed bits, so that every usage number
 * is a pure function of its coordinates and never of the order in which hours are generated.
 */
final class Hashing {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Hashing() {}

  /** Returns a 64-bit hash of the parts, using the SplitMix64 finalizer between parts. */
  static long hash(long... parts) {
    long state = GOLDEN_GAMMA;
    for (long part : parts) {
      state = mix(state ^ part) + GOLDEN_GAMMA;
    }
    return mix(state);
  }

  /** Returns a number in [0, 1) derived from the parts. */
  static double unit(long... parts) {
    return (hash(parts) >>> 11) * 0x1.0p-53;
  }

  private static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
