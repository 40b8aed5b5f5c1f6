package dev.reckon.web;

import dev.reckon.domain.key.InvalidProviderKeyException;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.NoSuchDeadLetterException;
import dev.reckon.ports.in.NoSuchOrganizationException;
import dev.reckon.ports.in.NoSuchProviderKeyException;
import dev.reckon.web.auth.UnableToFetchSigningKeysException;
import dev.reckon.web.auth.UnauthenticatedException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Javalin's exception and validation handling so that every error is a problem response.
 * Only messages written to be shown (this app's own, the session verifier's fixed reasons and the
 * key shape check's, which never contain the key) reach the client. Everything else gets a fixed
 * text, and unexpected exceptions are logged with their stack trace but returned as a bare 500.
 */
final class ProblemHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);

  static final String KEY_NOT_FOUND = "no provider key with this id exists in your organization";
  static final String ORG_NOT_FOUND = "your organization does not exist in Reckon";
  static final String DEAD_LETTER_NOT_FOUND =
      "no open dead letter with this id exists in your organization";

  private ProblemHandlers() {}

  static void register(RoutesConfig routes) {
    routes.exception(ProblemException.class, (e, ctx) -> Json.problem(ctx, e.problem()));
    routes.exception(UnauthenticatedException.class, ProblemHandlers::unauthenticated);
    routes.exception(UnableToFetchSigningKeysException.class, ProblemHandlers::keysUnavailable);
    routes.exception(
        InvalidProviderKeyException.class,
        (e, ctx) ->
            Json.problem(ctx, Problem.of(ProblemType.INVALID_PROVIDER_KEY, e.getMessage())));
    routes.exception(
        NoSuchProviderKeyException.class,
        (e, ctx) -> Json.problem(ctx, Problem.of(ProblemType.NOT_FOUND, KEY_NOT_FOUND)));
    routes.exception(
        NoSuchDeadLetterException.class,
        (e, ctx) -> Json.problem(ctx, Problem.of(ProblemType.NOT_FOUND, DEAD_LETTER_NOT_FOUND)));
    routes.exception(
        NoSuchOrganizationException.class,
        (e, ctx) -> Json.problem(ctx, Problem.of(ProblemType.NOT_FOUND, ORG_NOT_FOUND)));
    routes.exception(HttpResponseException.class, ProblemHandlers::javalinResponse);
    routes.exception(Exception.class, ProblemHandlers::unexpected);
  }

  private static void unauthenticated(UnauthenticatedException e, Context ctx) {
    // RFC 6750 requires a WWW-Authenticate challenge on every 401 of a bearer-token API.
    ctx.header("WWW-Authenticate", "Bearer");
    Json.problem(ctx, Problem.of(ProblemType.UNAUTHENTICATED, e.getMessage()));
  }

  private static void keysUnavailable(UnableToFetchSigningKeysException e, Context ctx) {
    LOG.warn("session signing keys unavailable", e);
    Json.problem(
        ctx,
        Problem.of(
            ProblemType.UNAVAILABLE,
            "session tokens cannot be verified right now because the signing keys are"
                + " unavailable: retry in a minute"));
  }

  /** Javalin's own 404, 405 and body size responses; their messages are replaced by fixed text. */
  private static void javalinResponse(HttpResponseException e, Context ctx) {
    ProblemType type = ProblemType.forStatus(e.getStatus());
    String detail =
        switch (e.getStatus()) {
          case 404 -> "no route matches this path";
          case 405 -> "this path does not accept the " + ctx.method().name() + " method";
          case 413 -> "the request body is too large";
          default -> type.title().toLowerCase(java.util.Locale.ROOT);
        };
    Json.problem(ctx, new Problem(type.uri(), type.title(), e.getStatus(), detail));
  }

  /**
   * Logs the failure at ERROR, which error reporting sends to Sentry. The request's organization
   * scope is still open here, so the event is tagged with the organization.
   */
  private static void unexpected(Exception e, Context ctx) {
    Organization organization = AccessFilter.organization(ctx);
    LOG.error(
        "request failed method={} route={} org_id={}",
        ctx.method().name(),
        RouteNames.of(ctx),
        organization == null ? "none" : organization.id(),
        e);
    Json.problem(
        ctx,
        Problem.of(ProblemType.INTERNAL, "the server failed to handle the request: retry later"));
  }
}
