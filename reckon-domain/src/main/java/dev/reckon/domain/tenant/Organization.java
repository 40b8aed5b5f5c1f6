package dev.reckon.domain.tenant;

import dev.reckon.domain.shared.OrgId;
import java.time.ZoneId;
import java.util.Objects;

/** A Reckon tenant: its plan decides retention and its time zone decides where days start. */
public record Organization(OrgId id, OrgSlug slug, String name, Plan plan, ZoneId timeZone) {

  public Organization {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(timeZone, "timeZone");
    if (name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException(
          "organization name must have 1 to 200 characters (was " + name.length() + ")");
    }
  }
}
