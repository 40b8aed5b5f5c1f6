package dev.reckon.web.auth;

import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.reckon.domain.access.Role;
import dev.reckon.web.auth.UnauthenticatedException.Reason;
import java.util.Map;

/**
 * Checks the claims of a Clerk session token whose signature and times are already verified, and
 * reads the caller from them. Version 2 tokens ({@code "v": 2}) nest the active organization under
 * {@code o}. Version 1 tokens have no {@code v} and use {@code org_id}, {@code org_slug} and {@code
 * org_role}.
 */
final class ClerkClaims {

  private static final String PENDING = "pending";
  private static final String ACTIVE = "active";

  private ClerkClaims() {}

  static Caller toCaller(DecodedJWT jwt, AuthSettings settings) {
    if (jwt.getExpiresAtAsInstant() == null) {
      throw new UnauthenticatedException(Reason.MISSING_EXPIRATION);
    }
    if (!settings.issuer().equals(jwt.getIssuer())) {
      throw new UnauthenticatedException(Reason.WRONG_ISSUER);
    }
    requireAuthorizedParty(jwt.getClaim("azp"), settings);

    String userId = requireText(jwt.getClaim("sub"), Reason.MISSING_SUBJECT);
    String sessionId = requireText(jwt.getClaim("sid"), Reason.MISSING_SESSION_ID);
    requireActiveSession(jwt.getClaim("sts"));

    return new Caller(userId, sessionId, organization(jwt));
  }

  private static void requireAuthorizedParty(Claim azp, AuthSettings settings) {
    if (azp.isMissing()) {
      if (!settings.acceptMissingAuthorizedParty()) {
        throw new UnauthenticatedException(Reason.UNAUTHORIZED_PARTY);
      }
      return;
    }
    String origin = azp.asString();
    if (origin == null || !settings.authorizedParties().contains(origin)) {
      throw new UnauthenticatedException(Reason.UNAUTHORIZED_PARTY);
    }
  }

  private static String requireText(Claim claim, Reason reason) {
    String value = claim.asString();
    if (value == null || value.isBlank()) {
      throw new UnauthenticatedException(reason);
    }
    return value;
  }

  private static void requireActiveSession(Claim status) {
    if (status.isMissing() || ACTIVE.equals(status.asString())) {
      return;
    }
    // A pending session has signed in but not met a requirement such as choosing an organization.
    Reason reason =
        PENDING.equals(status.asString()) ? Reason.PENDING_SESSION : Reason.INACTIVE_SESSION;
    throw new UnauthenticatedException(reason);
  }

  private static ActiveOrganization organization(DecodedJWT jwt) {
    Claim version = jwt.getClaim("v");
    if (version.isMissing()) {
      return organizationV1(jwt);
    }
    Integer number = version.asInt();
    if (number != null && number == 2) {
      return organizationV2(jwt.getClaim("o"));
    }
    if (number != null && number == 1) {
      return organizationV1(jwt);
    }
    throw new UnauthenticatedException(Reason.UNSUPPORTED_VERSION);
  }

  private static ActiveOrganization organizationV2(Claim claim) {
    if (claim.isMissing() || claim.isNull()) {
      return null;
    }
    Map<String, Object> org;
    try {
      org = claim.asMap();
    } catch (JWTDecodeException e) {
      throw new UnauthenticatedException(Reason.MALFORMED_ORGANIZATION);
    }
    if (org == null || !(org.get("id") instanceof String id) || id.isBlank()) {
      throw new UnauthenticatedException(Reason.MALFORMED_ORGANIZATION);
    }
    // Version 2 drops the "org:" prefix from role names.
    Role role = "admin".equals(org.get("rol")) ? Role.ADMIN : Role.MEMBER;
    String slug = org.get("slg") instanceof String text ? text : null;
    return new ActiveOrganization(id, slug, role);
  }

  private static ActiveOrganization organizationV1(DecodedJWT jwt) {
    Claim orgId = jwt.getClaim("org_id");
    if (orgId.isMissing() || orgId.isNull()) {
      return null;
    }
    String id = orgId.asString();
    if (id == null || id.isBlank()) {
      throw new UnauthenticatedException(Reason.MALFORMED_ORGANIZATION);
    }
    Role role = "org:admin".equals(jwt.getClaim("org_role").asString()) ? Role.ADMIN : Role.MEMBER;
    return new ActiveOrganization(id, jwt.getClaim("org_slug").asString(), role);
  }
}
