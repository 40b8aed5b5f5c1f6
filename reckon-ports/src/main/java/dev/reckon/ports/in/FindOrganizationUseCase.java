package dev.reckon.ports.in;

import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Organization;
import java.util.Optional;

/** Looks an organization up by slug, for the command line. */
public interface FindOrganizationUseCase {

  Optional<Organization> findBySlug(OrgSlug slug);
}
