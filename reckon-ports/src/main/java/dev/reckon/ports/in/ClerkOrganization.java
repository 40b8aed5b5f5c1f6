package dev.reckon.ports.in;

import java.util.Objects;

/**
 * The active organization of a verified Clerk session. {@code slug} is null when the token carries
 * none.
 */
public record ClerkOrganization(String clerkOrgId, String slug) {

  public ClerkOrganization {
    Objects.requireNonNull(clerkOrgId, "clerkOrgId");
    if (!clerkOrgId.matches("org_[A-Za-z0-9_]{1,64}")) {
      throw new IllegalArgumentException(
          "'clerkOrgId' must look like org_ followed by letters, digits or _ (was '"
              + clerkOrgId
              + "')");
    }
  }
}
