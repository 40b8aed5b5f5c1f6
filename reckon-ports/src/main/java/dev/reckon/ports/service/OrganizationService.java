package dev.reckon.ports.service;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.CreateOrganizationCommand;
import dev.reckon.ports.in.CreateOrganizationUseCase;
import dev.reckon.ports.in.FindOrganizationUseCase;
import dev.reckon.ports.out.IdGenerator;
import dev.reckon.ports.out.OrganizationRepository;
import java.util.Optional;

/** Creates organizations and finds them by slug. */
public final class OrganizationService
    implements CreateOrganizationUseCase, FindOrganizationUseCase {

  private final OrganizationRepository organizations;
  private final IdGenerator ids;

  public OrganizationService(OrganizationRepository organizations, IdGenerator ids) {
    this.organizations = organizations;
    this.ids = ids;
  }

  @Override
  public Organization create(CreateOrganizationCommand command) {
    Organization organization =
        new Organization(
            new OrgId(ids.newId()),
            command.slug(),
            command.name(),
            command.plan(),
            command.timeZone());
    organizations.insert(organization);
    return organization;
  }

  @Override
  public Optional<Organization> findBySlug(OrgSlug slug) {
    return organizations.findIdBySlug(slug).flatMap(organizations::find);
  }
}
