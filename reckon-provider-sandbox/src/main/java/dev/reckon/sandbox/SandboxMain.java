package dev.reckon.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the provider sandbox from the command line until SIGTERM or Ctrl-C. */
public final class SandboxMain {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxMain.class);

  static final int EXIT_USAGE = 2;
  static final int EXIT_FAILURE = 1;

  private SandboxMain() {}

  /** Starts the sandbox with the given flags and blocks until the JVM shuts down. */
  public static void main(String[] args) throws InterruptedException {
    SandboxOptions options;
    try {
      options = SandboxOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("reckon-provider-sandbox: " + e.getMessage());
      System.exit(EXIT_USAGE);
      return;
    }
    if (options.help()) {
      System.out.println(SandboxOptions.USAGE);
      return;
    }

    ProviderSandbox sandbox;
    try {
      sandbox = launch(options, System.out);
    } catch (UncheckedIOException e) {
      System.err.println("reckon-provider-sandbox: " + e.getMessage() + ": " + e.getCause());
      System.exit(EXIT_FAILURE);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(sandbox, options, stopped), "sandbox-shutdown"));
    stopped.await();
  }

  /**
   * Starts the sandbox, writes the state file if one is asked for, then prints the listening line.
   *
   * @throws UncheckedIOException when the port cannot be bound or the state file not written
   */
  static ProviderSandbox launch(SandboxOptions options, PrintStream out) {
    SandboxSettings settings =
        new SandboxSettings(options.port(), options.seed(), Clock.systemUTC(), options.latency());
    ProviderSandbox sandbox = ProviderSandbox.start(settings);
    if (options.stateFile() != null) {
      try {
        StateFile.write(
            options.stateFile(), StateFile.json(sandbox, ProcessHandle.current().pid()));
      } catch (IOException e) {
        sandbox.close();
        throw new UncheckedIOException("failed to write the state file " + options.stateFile(), e);
      }
    }
    String latency =
        options.latency().isZero() ? "" : ", latency " + options.latency().toMillis() + " ms";
    out.println(
        "Provider sandbox listening on "
            + sandbox.baseUrl()
            + " (seed "
            + sandbox.seed()
            + latency
            + ")");
    out.flush();
    return sandbox;
  }

  private static void stop(
      ProviderSandbox sandbox, SandboxOptions options, CountDownLatch stopped) {
    sandbox.close();
    System.out.println("Provider sandbox stopped after " + sandbox.totalRequests() + " requests");
    System.out.flush();
    if (options.stateFile() != null) {
      try {
        Files.deleteIfExists(options.stateFile());
      } catch (IOException e) {
        LOG.warn("failed to delete the state file path={}", options.stateFile(), e);
      }
    }
    stopped.countDown();
  }
}
