package dev.reckon.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web API: JSON under {@code /api/v1} for signed-in users, plus health, metrics and the OpenAPI
 * document for operators. It may seal provider keys but has no code to open one.
 *
 * <p>Every {@code /api/v1} route except the OpenAPI document requires a verified session, and every
 * error is an {@code application/problem+json} body. Javalin's development logging stays off, and
 * requests are logged by route template, status and duration only, never with bodies or ids.
 */
public final class WebApp {

  private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

  private WebApp() {}

  /**
   * Creates the application without starting it; start it with {@link Javalin#start(String, int)}.
   */
  public static Javalin create(WebServices services) {
    HttpMetrics metrics = new HttpMetrics();
    AccessFilter access = new AccessFilter(services.sessions(), services.organizations());
    return Javalin.create(config -> configure(config, services, access, metrics));
  }

  private static void configure(
      JavalinConfig config, WebServices services, AccessFilter access, HttpMetrics metrics) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.maxRequestSize = RequestBodies.MAX_BYTES;
    config.http.prefer405over404 = true;
    config.jsonMapper(new JavalinJackson(Json.MAPPER, false));

    ProblemHandlers.register(config.routes);
    config.routes.beforeMatched(access);
    config.routes.after(AccessFilter::closeOrgScope);
    ApiRoutes.all(services, access, metrics)
        .forEach(route -> config.routes.addEndpoint(route.toEndpoint()));

    config.requestLogger.http(
        (ctx, millis) -> {
          String route = RouteNames.of(ctx);
          metrics.record(ctx.method().name(), route, ctx.statusCode(), millis / 1000.0);
          LOG.debug(
              "request handled method={} route={} status={} duration_ms={}",
              ctx.method().name(),
              route,
              ctx.statusCode(),
              millis);
        });
  }
}
