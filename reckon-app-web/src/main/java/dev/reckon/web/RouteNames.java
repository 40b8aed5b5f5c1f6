package dev.reckon.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/**
 * The route template of a request ({@code /api/v1/provider-keys/{id}}), used in logs and metric
 * labels instead of the raw path so that ids never appear there.
 */
final class RouteNames {

  static final String UNMATCHED = "unmatched";

  private RouteNames() {}

  static String of(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    return endpoint == null ? UNMATCHED : endpoint.path;
  }
}
