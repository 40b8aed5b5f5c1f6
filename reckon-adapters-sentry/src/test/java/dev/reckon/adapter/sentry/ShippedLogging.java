package dev.reckon.adapter.sentry;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Logs through an app's shipped Logback configuration in a context of its own, for tests that check
 * what reaches the console.
 */
public final class ShippedLogging {

  private ShippedLogging() {}

  /** Logs one ERROR line with {@code argument} and {@code failure}, and returns standard error. */
  public static String errorOutput(
      URL configuration, String format, Object argument, Throwable failure) throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(configuration);
      context.getLogger("dev.reckon.test").error(format, argument, failure);
    } finally {
      context.stop();
      System.setErr(originalErr);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
