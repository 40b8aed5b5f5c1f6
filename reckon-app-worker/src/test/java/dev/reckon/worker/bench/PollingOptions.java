package dev.reckon.worker.bench;

/**
 * Command-line options of {@link PollingBenchmark}, each checked against a range that keeps one run
 * on a developer machine.
 *
 * @param keys provider keys to store and poll
 * @param latencyMillis how long the provider sandbox waits before each response
 * @param threads jobs the worker runs at the same time
 * @param perOrg jobs of one organization the worker runs at the same time
 * @param orgs organizations the keys are spread across
 */
record PollingOptions(int keys, int latencyMillis, int threads, int perOrg, int orgs) {

  static final String USAGE =
      "Usage: ./reckon bench worker [--keys N] [--latency-ms N] [--threads N] [--per-org N]"
          + " [--orgs N]";

  PollingOptions {
    requireRange("--keys", keys, 1, 20_000);
    requireRange("--latency-ms", latencyMillis, 0, 10_000);
    requireRange("--threads", threads, 1, 256);
    requireRange("--per-org", perOrg, 1, threads);
    requireRange("--orgs", orgs, 1, keys);
  }

  static PollingOptions parse(String[] args) {
    int keys = 2_000;
    int latencyMillis = 200;
    int threads = 32;
    int perOrg = 8;
    int orgs = 20;
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + args[i] + " is missing its value");
      }
      int value = number(args[i], args[i + 1]);
      switch (args[i]) {
        case "--keys" -> keys = value;
        case "--latency-ms" -> latencyMillis = value;
        case "--threads" -> threads = value;
        case "--per-org" -> perOrg = value;
        case "--orgs" -> orgs = value;
        default -> throw new IllegalArgumentException("unknown option " + args[i] + ". " + USAGE);
      }
    }
    return new PollingOptions(keys, latencyMillis, threads, perOrg, orgs);
  }

  private static int number(String option, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "option " + option + " must be a whole number (was '" + text + "')", e);
    }
  }

  private static void requireRange(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "option " + option + " must be from " + min + " to " + max + " (was " + value + ")");
    }
  }
}
