package dev.reckon.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;

/** One route of the app: method, path template, who may call it, and its handler. */
record ApiRoute(HandlerType method, String path, RouteAccess access, Handler handler) {

  static ApiRoute get(String path, RouteAccess access, Handler handler) {
    return new ApiRoute(HandlerType.GET, path, access, handler);
  }

  static ApiRoute post(String path, RouteAccess access, Handler handler) {
    return new ApiRoute(HandlerType.POST, path, access, handler);
  }

  static ApiRoute patch(String path, RouteAccess access, Handler handler) {
    return new ApiRoute(HandlerType.PATCH, path, access, handler);
  }

  static ApiRoute delete(String path, RouteAccess access, Handler handler) {
    return new ApiRoute(HandlerType.DELETE, path, access, handler);
  }

  Endpoint toEndpoint() {
    return Endpoint.create(method, path).addMetadata(access).handler(handler);
  }
}
