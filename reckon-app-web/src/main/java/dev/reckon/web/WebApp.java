package dev.reckon.web;

import io.javalin.Javalin;

/**
 * The web API. It serves only the liveness check so far. Organization, key and spend endpoints will
 * call the same use cases as the command line. It may seal provider keys but has no code to open
 * one.
 */
public final class WebApp {

  private WebApp() {}

  /** Creates the application without starting it. */
  public static Javalin create() {
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.routes.get(
              "/health/live",
              ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
        });
  }
}
