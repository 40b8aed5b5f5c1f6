package dev.reckon.ports.out;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Organization;
import java.util.Optional;

/** Stored organizations. */
public interface OrganizationRepository {

  /**
   * Inserts a new organization.
   *
   * @throws IllegalStateException when the slug is taken
   */
  void insert(Organization organization);

  Optional<Organization> find(OrgId orgId);

  /** Resolves a slug to an organization id, the cross-tenant lookup the command line needs. */
  Optional<OrgId> findIdBySlug(OrgSlug slug);
}
