package dev.reckon.ports.in;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.Organization;
import java.time.ZoneId;
import java.util.Optional;

/** Changes an organization's name or time zone. */
public interface UpdateOrganizationUseCase {

  /**
   * Applies the present fields and returns the organization as stored.
   *
   * @throws NoSuchOrganizationException when the organization does not exist
   */
  Organization update(OrgId orgId, Optional<String> name, Optional<ZoneId> timeZone);
}
