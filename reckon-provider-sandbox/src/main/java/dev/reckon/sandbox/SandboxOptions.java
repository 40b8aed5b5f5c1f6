package dev.reckon.sandbox;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The command-line options of {@link SandboxMain}.
 *
 * @param stateFile where to write the state JSON once listening, or null
 * @param latency how long every response waits before it is sent
 * @param help whether to print the usage and exit
 */
record SandboxOptions(int port, long seed, Path stateFile, Duration latency, boolean help) {

  static final String USAGE =
      String.join(
          System.lineSeparator(),
          "Usage: java -jar reckon-provider-sandbox.jar [options]",
          "",
          "Serves fake OpenAI and Anthropic admin usage and cost APIs on 127.0.0.1.",
          "",
          "Options:",
          "  --port N           TCP port on 127.0.0.1; 0 picks a free port (default 0)",
          "  --seed S           seed of the generated organizations and usage, a whole number"
              + " (default 42)",
          "  --state-file PATH  write port, base URLs and admin keys as JSON to PATH once"
              + " listening",
          "  --latency-ms N     wait N milliseconds before sending each response, from 0 to "
              + SandboxSettings.MAX_LATENCY.toMillis()
              + " (default 0); requests wait concurrently",
          "  --help             print this help and exit",
          "",
          "Stops on SIGTERM or Ctrl-C.");

  /** Parses the arguments; throws {@link IllegalArgumentException} with a message for the user. */
  static SandboxOptions parse(String... args) {
    int port = 0;
    long seed = SandboxSettings.DEFAULT_SEED;
    Path stateFile = null;
    Duration latency = Duration.ZERO;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (name.equals("--help") || name.equals("-h")) {
        return new SandboxOptions(port, seed, stateFile, latency, true);
      }
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (isOption(name) && i + 1 < args.length) {
        value = args[++i];
      } else if (isOption(name)) {
        throw new IllegalArgumentException("option " + name + " needs a value");
      } else {
        throw new IllegalArgumentException(
            "unknown option '" + arg + "'; run with --help to list the options");
      }
      switch (name) {
        case "--port" -> port = port(value);
        case "--seed" -> seed = seed(value);
        case "--latency-ms" -> latency = latency(value);
        default -> stateFile = stateFile(value);
      }
    }
    return new SandboxOptions(port, seed, stateFile, latency, false);
  }

  private static boolean isOption(String name) {
    return name.equals("--port")
        || name.equals("--seed")
        || name.equals("--state-file")
        || name.equals("--latency-ms");
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below with the same message as an out-of-range number.
    }
    throw new IllegalArgumentException(
        "invalid value for --port: '" + value + "' is not a port number from 0 to 65535");
  }

  private static long seed(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "invalid value for --seed: '" + value + "' is not a whole number", e);
    }
  }

  private static Duration latency(String value) {
    long max = SandboxSettings.MAX_LATENCY.toMillis();
    try {
      long millis = Long.parseLong(value);
      if (millis >= 0 && millis <= max) {
        return Duration.ofMillis(millis);
      }
    } catch (NumberFormatException e) {
      // Reported below with the same message as an out-of-range number.
    }
    throw new IllegalArgumentException(
        "invalid value for --latency-ms: '"
            + value
            + "' is not a whole number of milliseconds from 0 to "
            + max);
  }

  private static Path stateFile(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("invalid value for --state-file: the path is empty");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "invalid value for --state-file: '" + value + "' is not a valid path", e);
    }
  }
}
