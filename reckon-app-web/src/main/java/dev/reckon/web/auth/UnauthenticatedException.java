package dev.reckon.web.auth;

import java.util.Objects;

/**
 * A request's session could not be verified. The message is the fixed text of its {@link Reason},
 * so it never contains the token or any claim value, and it is safe to return to the client.
 *
 * <p>No cause is chained: the JWT library's messages can quote decoded token content.
 */
public final class UnauthenticatedException extends RuntimeException {

  /** The category of a verification failure, one per check. */
  public enum Reason {
    MISSING_HEADER("the Authorization header is missing"),
    MALFORMED_HEADER("the Authorization header is not a Bearer token"),
    MALFORMED_TOKEN("the session token is malformed"),
    UNSUPPORTED_ALGORITHM("the session token is not signed with RS256"),
    UNKNOWN_KEY("the session token is signed with an unknown key"),
    BAD_SIGNATURE("the session token signature is invalid"),
    EXPIRED("the session token has expired"),
    NOT_YET_VALID("the session token is not valid yet"),
    MISSING_EXPIRATION("the session token has no expiration time"),
    WRONG_ISSUER("the session token was issued by an issuer that is not accepted"),
    UNAUTHORIZED_PARTY("the session token was requested from an origin that is not accepted"),
    MISSING_SUBJECT("the session token has no user id"),
    MISSING_SESSION_ID("the session token has no session id"),
    PENDING_SESSION("the session is pending: finish signing in first"),
    INACTIVE_SESSION("the session is not active"),
    UNSUPPORTED_VERSION("the session token version is not supported"),
    MALFORMED_ORGANIZATION("the session token's organization claims are malformed");

    private final String message;

    Reason(String message) {
      this.message = message;
    }

    /** Returns the fixed client-facing text of this reason. */
    public String message() {
      return message;
    }
  }

  private final Reason reason;

  public UnauthenticatedException(Reason reason) {
    super(Objects.requireNonNull(reason, "reason").message());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
