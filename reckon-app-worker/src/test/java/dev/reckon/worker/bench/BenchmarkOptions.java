package dev.reckon.worker.bench;

/**
 * Command-line options of {@link WebBenchmark}, each checked against a range that keeps one run on
 * a developer machine.
 *
 * @param hours hours of usage to store, ending on the last day of the data
 * @param keys API keys per hour
 * @param models models per hour and API key
 * @param clients concurrent clients, each sending one request at a time
 * @param requests measured requests per case
 * @param warmup requests per case sent before the measured ones
 */
record BenchmarkOptions(int hours, int keys, int models, int clients, int requests, int warmup) {

  static final String USAGE =
      "Usage: ./reckon bench web [--hours N] [--keys N] [--models N] [--clients N]"
          + " [--requests N] [--warmup N]";

  BenchmarkOptions {
    requireRange("--hours", hours, 24, 8_784);
    requireRange("--keys", keys, 1, 100);
    requireRange("--models", models, 1, 100);
    requireRange("--clients", clients, 1, 256);
    requireRange("--requests", requests, 1, 100_000);
    requireRange("--warmup", warmup, 0, 100_000);
  }

  static BenchmarkOptions parse(String[] args) {
    int hours = 8_760;
    int keys = 10;
    int models = 10;
    int clients = 8;
    int requests = 2_000;
    int warmup = 200;
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + args[i] + " is missing its value");
      }
      int value = number(args[i], args[i + 1]);
      switch (args[i]) {
        case "--hours" -> hours = value;
        case "--keys" -> keys = value;
        case "--models" -> models = value;
        case "--clients" -> clients = value;
        case "--requests" -> requests = value;
        case "--warmup" -> warmup = value;
        default -> throw new IllegalArgumentException("unknown option " + args[i] + ". " + USAGE);
      }
    }
    return new BenchmarkOptions(hours, keys, models, clients, requests, warmup);
  }

  long rows() {
    return (long) hours * keys * models;
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
