package dev.reckon.web;

import dev.reckon.adapter.sentry.ErrorReporting;
import dev.reckon.adapter.sentry.SentrySettings;
import dev.reckon.web.wiring.WebConfig;
import dev.reckon.web.wiring.WebWiring;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.Map;

/**
 * Entry point of the web API. Reads its settings from the environment (see the README), starts
 * error reporting to Sentry when {@code SENTRY_DSN} is set, wires the services and serves until
 * stopped.
 */
public final class WebMain {

  private WebMain() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    ErrorReporting reporting;
    try {
      reporting = ErrorReporting.start(SentrySettings.fromEnvironment(env));
    } catch (RuntimeException e) {
      exitWithError(e);
      return;
    }

    WebWiring wiring;
    Javalin app;
    try {
      WebConfig config = WebConfig.fromEnvironment(env);
      wiring = new WebWiring(config, Clock.systemUTC());
      app = WebApp.create(wiring.services()).start(config.host(), config.port());
    } catch (RuntimeException e) {
      reporting.close();
      exitWithError(e);
      return;
    }
    System.out.printf("Reckon web API listening on http://%s:%d%n", hostOf(env), app.port());
    WebWiring started = wiring;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  started.close();
                  // Closed last, so that errors logged while the app stops are still sent.
                  reporting.close();
                },
                "reckon-web-shutdown"));
  }

  private static void exitWithError(RuntimeException e) {
    System.err.println("reckon-web: " + e.getMessage());
    System.exit(1);
  }

  private static String hostOf(Map<String, String> env) {
    String host = env.getOrDefault("RECKON_WEB_HOST", "127.0.0.1");
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
