package dev.reckon.web;

import dev.reckon.domain.access.Permission;
import io.javalin.router.EndpointMetadata;

/**
 * Who may call a route, attached to each endpoint so that the access filter decides before the
 * handler runs.
 *
 * @param signedIn whether a verified session token is required
 * @param organization whether the session must have an active organization
 * @param permission the permission the caller's role must grant, or null when membership is enough
 */
record RouteAccess(boolean signedIn, boolean organization, Permission permission)
    implements EndpointMetadata {

  static final RouteAccess PUBLIC = new RouteAccess(false, false, null);
  static final RouteAccess SIGNED_IN = new RouteAccess(true, false, null);
  static final RouteAccess MEMBER = new RouteAccess(true, true, null);

  static RouteAccess requiring(Permission permission) {
    return new RouteAccess(true, true, permission);
  }
}
