package dev.reckon.web;

import io.javalin.Javalin;

/**
 * The web API. So far it only answers liveness; organization, key and spend endpoints are built on
 * the same use cases the command line uses. It may seal provider keys but has no code to open one.
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
