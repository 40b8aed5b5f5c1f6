package dev.reckon.adapter.kms.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link EnvelopeBenchmark} with JMH in throughput mode and prints operations per second for
 * sealing, opening and the bare AES-256-GCM cases, and how many times as long a seal or an open
 * takes as the bare operation.
 *
 * <p>Run it with {@code ./reckon bench envelope [flags]}, or {@code mvn -pl reckon-adapters-kms
 * test-compile exec:java -Dexec.args="..."}. The defaults (2 forks, 3 warm-up and 5 measured
 * iterations of 2 seconds per benchmark) take about 2.5 minutes.
 */
public final class EnvelopeBenchmarkMain {

  static final String USAGE =
      "Usage: ./reckon bench envelope [--forks N] [--warmup-iterations N] [--iterations N]"
          + " [--iteration-seconds N]";

  /** The {@code @Benchmark} methods of {@link EnvelopeBenchmark}. */
  private static final int BENCHMARK_COUNT = 4;

  private EnvelopeBenchmarkMain() {}

  /**
   * The JMH run settings.
   *
   * @param forks JVMs started per benchmark
   * @param warmupIterations unmeasured iterations per fork
   * @param iterations measured iterations per fork
   * @param iterationSeconds length of each iteration
   */
  record Settings(int forks, int warmupIterations, int iterations, int iterationSeconds) {

    Settings {
      requireRange("--forks", forks, 1, 20);
      requireRange("--warmup-iterations", warmupIterations, 0, 100);
      requireRange("--iterations", iterations, 1, 100);
      requireRange("--iteration-seconds", iterationSeconds, 1, 600);
    }

    static Settings parse(String[] args) {
      Map<String, Integer> values = new HashMap<>();
      values.put("--forks", 2);
      values.put("--warmup-iterations", 3);
      values.put("--iterations", 5);
      values.put("--iteration-seconds", 2);
      for (int i = 0; i < args.length; i += 2) {
        if (!values.containsKey(args[i])) {
          throw new IllegalArgumentException("unknown option " + args[i] + ". " + USAGE);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + args[i] + " is missing its value");
        }
        values.put(args[i], number(args[i], args[i + 1]));
      }
      return new Settings(
          values.get("--forks"),
          values.get("--warmup-iterations"),
          values.get("--iterations"),
          values.get("--iteration-seconds"));
    }
  }

  public static void main(String[] args) throws RunnerException {
    Settings settings;
    try {
      settings = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("reckon bench envelope: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    ForkClassPath.useContextClassPath();

    Options options =
        new OptionsBuilder()
            .include(Pattern.quote(EnvelopeBenchmark.class.getName()) + "\\.")
            .mode(org.openjdk.jmh.annotations.Mode.Throughput)
            .timeUnit(TimeUnit.SECONDS)
            .forks(settings.forks())
            .warmupIterations(settings.warmupIterations())
            .warmupTime(TimeValue.seconds(settings.iterationSeconds()))
            .measurementIterations(settings.iterations())
            .measurementTime(TimeValue.seconds(settings.iterationSeconds()))
            .threads(1)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    System.out.println();
    System.out.print(Summary.format(results, settings));
    if (results.size() != BENCHMARK_COUNT) {
      System.err.printf(
          "reckon bench envelope: %d of %d benchmarks produced a result; see the JMH output above%n",
          results.size(), BENCHMARK_COUNT);
      System.exit(1);
    }
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

  /** The summary table printed after the JMH output. */
  static final class Summary {

    private Summary() {}

    static String format(Collection<RunResult> results, Settings settings) {
      Map<String, Result<?>> byMethod = new HashMap<>();
      for (RunResult result : results) {
        String label = result.getParams().getBenchmark();
        byMethod.put(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult());
      }
      StringBuilder text = new StringBuilder();
      text.append(
          String.format(
              "Envelope benchmark: %d-byte fake admin key, local master key, %d forks x %d"
                  + " iterations of %d s after %d warm-up iterations, 1 thread%n",
              EnvelopeBenchmark.PAYLOAD_BYTES,
              settings.forks(),
              settings.iterations(),
              settings.iterationSeconds(),
              settings.warmupIterations()));
      text.append(String.format("%-52s %12s %12s%n", "operation", "ops/s", "99.9% error"));
      row(text, "seal (EnvelopeKeySealer + LocalMasterKeyFile)", byMethod.get("seal"));
      row(text, "bare AES-256-GCM encrypt (JCE)", byMethod.get("bareEncrypt"));
      row(text, "open (EnvelopeKeyOpener + LocalMasterKeyUnwrapper)", byMethod.get("open"));
      row(text, "bare AES-256-GCM decrypt (JCE)", byMethod.get("bareDecrypt"));
      text.append(
          String.format(
              "A seal takes %.2f times as long as a bare encrypt (bare ops/s / seal ops/s)%n",
              ratio(byMethod.get("bareEncrypt"), byMethod.get("seal"))));
      text.append(
          String.format(
              "An open takes %.2f times as long as a bare decrypt (bare ops/s / open ops/s)%n",
              ratio(byMethod.get("bareDecrypt"), byMethod.get("open"))));
      return text.toString();
    }

    private static void row(StringBuilder text, String label, Result<?> result) {
      if (result == null) {
        text.append(String.format("%-52s %12s%n", label, "not run"));
        return;
      }
      // JMH reports no error margin (NaN) when too few iterations were measured.
      double error = result.getScoreError();
      String errorText = Double.isNaN(error) ? "-" : String.format("%,.0f", error);
      text.append(String.format("%-52s %,12.0f %12s%n", label, result.getScore(), errorText));
    }

    private static double ratio(Result<?> numerator, Result<?> denominator) {
      if (numerator == null || denominator == null) {
        return Double.NaN;
      }
      return numerator.getScore() / denominator.getScore();
    }
  }
}
