package dev.reckon.worker.jobs;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a call, in place of the JVM's default of starting shutdown. The
 * worker then stops its scheduler gracefully and returns exit code 0; shutdown hooks alone would
 * end with 143 after a SIGTERM.
 *
 * <p>NOTE: {@code sun.misc.Signal} is in the {@code jdk.unsupported} module, which the JDK keeps
 * for exactly this use, so javac warns about it.
 */
public final class StopSignals {

  private StopSignals() {}

  /** Runs {@code onStop} on the first SIGTERM or SIGINT. */
  public static void onStop(Runnable onStop) {
    Signal.handle(new Signal("TERM"), signal -> onStop.run());
    Signal.handle(new Signal("INT"), signal -> onStop.run());
  }
}
