package dev.reckon.web.auth;

import dev.reckon.domain.access.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed-in user behind a request, taken from a verified session token.
 *
 * @param userId Clerk's user id, the token's {@code sub}
 * @param sessionId Clerk's session id, the token's {@code sid}
 * @param organization the active organization, or null when the session has none selected. Prefer
 *     {@link #activeOrganization()}.
 */
public record Caller(String userId, String sessionId, ActiveOrganization organization) {

  public Caller {
    requireNotBlank(userId, "userId");
    requireNotBlank(sessionId, "sessionId");
  }

  /** Creates a caller whose session has no active organization. */
  public static Caller withoutOrganization(String userId, String sessionId) {
    return new Caller(userId, sessionId, null);
  }

  public Optional<ActiveOrganization> activeOrganization() {
    return Optional.ofNullable(organization);
  }

  public boolean hasActiveOrganization() {
    return organization != null;
  }

  /** Returns whether the caller is an admin of the active organization; false without one. */
  public boolean isOrganizationAdmin() {
    return organization != null && organization.role() == Role.ADMIN;
  }

  private static void requireNotBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException("'" + name + "' must not be blank");
    }
  }
}
