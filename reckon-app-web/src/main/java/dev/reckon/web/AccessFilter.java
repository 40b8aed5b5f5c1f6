package dev.reckon.web;

import dev.reckon.adapter.sentry.OrgScope;
import dev.reckon.domain.access.AccessDecision;
import dev.reckon.domain.access.AccessPolicy;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.ClerkOrganization;
import dev.reckon.ports.in.ResolveOrganizationUseCase;
import dev.reckon.web.auth.ActiveOrganization;
import dev.reckon.web.auth.Caller;
import dev.reckon.web.auth.SessionVerifier;
import dev.reckon.web.auth.UnauthenticatedException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before every matched route: verifies the session token, checks the caller's role against the
 * route's {@link RouteAccess}, and resolves the caller's organization from the token. When any step
 * fails it throws, so the route's handler never runs.
 *
 * <p>The role is checked before the organization is resolved, because resolving creates the
 * organization on its first request and a forbidden request must change nothing.
 *
 * <p>Once the organization is resolved, the filter opens an {@link OrgScope} on the request thread,
 * so that errors reported to Sentry during the request carry the organization's id. {@link
 * #closeOrgScope} must run after every request, on the same thread, also when the handler threw.
 */
final class AccessFilter implements Handler {

  private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);

  private static final String CALLER = "reckon.caller";
  private static final String ORGANIZATION = "reckon.organization";
  private static final String ORG_SCOPE = "reckon.org-scope";

  private final SessionVerifier sessions;
  private final ResolveOrganizationUseCase organizations;

  AccessFilter(SessionVerifier sessions, ResolveOrganizationUseCase organizations) {
    this.sessions = sessions;
    this.organizations = organizations;
  }

  @Override
  public void handle(Context ctx) {
    RouteAccess access = accessOf(ctx);
    if (!access.signedIn()) {
      return;
    }

    Caller caller = sessions.verify(ctx.header("Authorization"));
    ctx.attribute(CALLER, caller);
    if (!access.organization()) {
      return;
    }

    ActiveOrganization active =
        caller
            .activeOrganization()
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NO_ACTIVE_ORGANIZATION,
                        "this request needs an active organization: select one in your session"));
    if (access.permission() != null
        && AccessPolicy.decide(active.role(), access.permission())
            instanceof AccessDecision.Denied denied) {
      throw new ProblemException(ProblemType.FORBIDDEN, denied.reason());
    }

    Organization organization = resolve(active);
    ctx.attribute(ORGANIZATION, organization);
    ctx.attribute(ORG_SCOPE, OrgScope.open(organization.id().value()));
  }

  /**
   * Closes the organization scope that {@link #handle} opened for this request, if any. Javalin
   * runs after-handlers on the request thread once the handler and any exception handler are done,
   * so an error logged by an exception handler is still tagged.
   */
  static void closeOrgScope(Context ctx) {
    AutoCloseable scope = ctx.attribute(ORG_SCOPE);
    if (scope == null) {
      return;
    }
    ctx.attribute(ORG_SCOPE, null);
    try {
      scope.close();
    } catch (Exception e) {
      // OrgScope's close() declares no checked exception, so this only guards a future change.
      LOG.warn("closing the organization scope of a request failed", e);
    }
  }

  /** Returns the verified caller; only valid on routes that require a session. */
  static Caller caller(Context ctx) {
    return ctx.attribute(CALLER);
  }

  /** Returns the caller's organization; only valid on routes that require an organization. */
  static Organization organization(Context ctx) {
    return ctx.attribute(ORGANIZATION);
  }

  Organization resolve(ActiveOrganization active) {
    ClerkOrganization clerk;
    try {
      clerk = new ClerkOrganization(active.clerkOrgId(), active.slug());
    } catch (IllegalArgumentException e) {
      throw new UnauthenticatedException(UnauthenticatedException.Reason.MALFORMED_ORGANIZATION);
    }
    return organizations.resolve(clerk);
  }

  private static RouteAccess accessOf(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    RouteAccess access = endpoint == null ? null : endpoint.metadata(RouteAccess.class);
    if (access == null) {
      // Fails closed: a route registered without access rules must not become public.
      throw new IllegalStateException("the matched route has no access rules");
    }
    return access;
  }
}
