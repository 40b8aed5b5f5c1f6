package dev.reckon.ports.in;

import dev.reckon.domain.tenant.Organization;

/**
 * Maps a Clerk organization to its Reckon organization, creating the Reckon organization (Free
 * plan, UTC) on the first authenticated request of that Clerk organization.
 */
public interface ResolveOrganizationUseCase {

  /** Returns the organization; safe to call concurrently for the same Clerk organization. */
  Organization resolve(ClerkOrganization clerkOrganization);
}
