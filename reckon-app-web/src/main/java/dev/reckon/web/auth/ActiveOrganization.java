package dev.reckon.web.auth;

import dev.reckon.domain.access.Role;
import java.util.Objects;

/**
 * The organization a session has selected, as its token states it.
 *
 * @param clerkOrgId Clerk's organization id ({@code org_...}), which the app maps to its own row
 * @param slug Clerk's organization slug, or null when the token has none
 * @param role {@link Role#ADMIN} only for Clerk's admin role. Every other role, custom or missing,
 *     becomes {@link Role#MEMBER} and so grants no admin rights.
 */
public record ActiveOrganization(String clerkOrgId, String slug, Role role) {

  public ActiveOrganization {
    Objects.requireNonNull(clerkOrgId, "clerkOrgId");
    Objects.requireNonNull(role, "role");
    if (clerkOrgId.isBlank()) {
      throw new IllegalArgumentException("'clerkOrgId' must not be blank");
    }
  }
}
