package dev.reckon.web;

import dev.reckon.domain.access.Role;
import dev.reckon.web.auth.ActiveOrganization;
import dev.reckon.web.auth.Caller;
import dev.reckon.web.auth.SessionVerifier;
import dev.reckon.web.auth.UnauthenticatedException;
import dev.reckon.web.auth.UnauthenticatedException.Reason;
import java.util.Map;

/** Accepts a few fixed tokens, each standing for one caller; anything else fails like a forgery. */
final class FakeSessions implements SessionVerifier {

  static final String ADMIN_A = "admin-a";
  static final String MEMBER_A = "member-a";
  static final String ADMIN_B = "admin-b";
  static final String NO_ORG = "no-org";

  /** Makes the verifier fail the way an unexpected bug would, with a server error. */
  static final String VERIFIER_FAILURE = "verifier-failure";

  static final String VERIFIER_FAILURE_MESSAGE = "session verifier failed unexpectedly";

  private static final Map<String, Caller> CALLERS =
      Map.of(
          ADMIN_A, caller("user_admin_a", FakeOrganizations.CLERK_A, "acme", Role.ADMIN),
          MEMBER_A, caller("user_member_a", FakeOrganizations.CLERK_A, "acme", Role.MEMBER),
          ADMIN_B, caller("user_admin_b", FakeOrganizations.CLERK_B, "globex", Role.ADMIN),
          NO_ORG, Caller.withoutOrganization("user_lonely", "sess_lonely"));

  @Override
  public Caller verify(String authorizationHeader) {
    if (authorizationHeader == null) {
      throw new UnauthenticatedException(Reason.MISSING_HEADER);
    }
    if (!authorizationHeader.startsWith("Bearer ")) {
      throw new UnauthenticatedException(Reason.MALFORMED_HEADER);
    }
    String token = authorizationHeader.substring("Bearer ".length());
    if (token.equals(VERIFIER_FAILURE)) {
      throw new IllegalStateException(VERIFIER_FAILURE_MESSAGE);
    }
    Caller caller = CALLERS.get(token);
    if (caller == null) {
      throw new UnauthenticatedException(Reason.BAD_SIGNATURE);
    }
    return caller;
  }

  private static Caller caller(String user, String clerkOrg, String slug, Role role) {
    return new Caller(user, "sess_" + user, new ActiveOrganization(clerkOrg, slug, role));
  }
}
