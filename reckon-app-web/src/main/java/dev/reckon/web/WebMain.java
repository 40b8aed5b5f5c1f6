package dev.reckon.web;

import dev.reckon.web.wiring.WebConfig;
import dev.reckon.web.wiring.WebWiring;
import io.javalin.Javalin;
import java.time.Clock;

/**
 * Entry point of the web API. Reads its settings from the environment (see the README), wires the
 * services and serves until stopped.
 */
public final class WebMain {

  private WebMain() {}

  public static void main(String[] args) {
    WebWiring wiring;
    Javalin app;
    try {
      WebConfig config = WebConfig.fromEnvironment(System.getenv());
      wiring = new WebWiring(config, Clock.systemUTC());
      app = WebApp.create(wiring.services()).start(config.host(), config.port());
    } catch (RuntimeException e) {
      System.err.println("reckon-web: " + e.getMessage());
      System.exit(1);
      return;
    }
    System.out.printf("Reckon web API listening on http://%s:%d%n", hostOf(app), app.port());
    WebWiring started = wiring;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  started.close();
                },
                "reckon-web-shutdown"));
  }

  private static String hostOf(Javalin app) {
    String host = System.getenv().getOrDefault("RECKON_WEB_HOST", "127.0.0.1");
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
