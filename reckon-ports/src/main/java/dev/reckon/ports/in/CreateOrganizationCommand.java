package dev.reckon.ports.in;

import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Plan;
import java.time.ZoneId;
import java.util.Objects;

/** Request to create an organization. */
public record CreateOrganizationCommand(OrgSlug slug, String name, Plan plan, ZoneId timeZone) {

  public CreateOrganizationCommand {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(timeZone, "timeZone");
  }
}
