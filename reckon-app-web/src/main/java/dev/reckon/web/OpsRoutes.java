package dev.reckon.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes for operators and tooling: liveness, readiness, metrics and the OpenAPI document. */
final class OpsRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);

  static final String OPENAPI_RESOURCE = "/dev/reckon/web/openapi.json";

  private final ReadinessCheck readiness;
  private final HttpMetrics metrics;
  private final byte[] openApi;

  OpsRoutes(ReadinessCheck readiness, HttpMetrics metrics) {
    this.readiness = readiness;
    this.metrics = metrics;
    this.openApi = loadOpenApi();
  }

  void live(Context ctx) {
    Json.write(ctx, 200, Map.of("status", "ok"));
  }

  void ready(Context ctx) {
    List<String> failures;
    try {
      failures = List.copyOf(readiness.failures());
    } catch (RuntimeException e) {
      LOG.warn("readiness check failed", e);
      failures = List.of("readiness check failed");
    }
    if (failures.isEmpty()) {
      Json.write(ctx, 200, Map.of("status", "ready"));
    } else {
      Json.write(ctx, 503, Map.of("status", "not_ready", "failures", failures));
    }
  }

  void metrics(Context ctx) {
    ctx.contentType(HttpMetrics.CONTENT_TYPE).result(metrics.render());
  }

  void openApi(Context ctx) {
    ctx.contentType(Json.JSON).result(openApi);
  }

  static byte[] loadOpenApi() {
    try (InputStream in = OpsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the OpenAPI document " + OPENAPI_RESOURCE + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the OpenAPI document", e);
    }
  }
}
