package dev.reckon.ports.in;

import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Plan;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Request to create an organization, optionally linked to a Clerk organization so that its members
 * can sign in to the web API.
 */
public record CreateOrganizationCommand(
    OrgSlug slug, String name, Plan plan, ZoneId timeZone, Optional<ClerkOrganization> clerk) {

  public CreateOrganizationCommand {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(clerk, "clerk");
  }

  /** Creates a request for an organization that no Clerk organization is linked to. */
  public CreateOrganizationCommand(OrgSlug slug, String name, Plan plan, ZoneId timeZone) {
    this(slug, name, plan, timeZone, Optional.empty());
  }
}
