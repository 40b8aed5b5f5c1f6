package dev.reckon.ports.service;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.CreateOrganizationCommand;
import dev.reckon.ports.in.CreateOrganizationUseCase;
import dev.reckon.ports.in.FindOrganizationUseCase;
import dev.reckon.ports.in.NoSuchOrganizationException;
import dev.reckon.ports.in.UpdateOrganizationUseCase;
import dev.reckon.ports.out.IdGenerator;
import dev.reckon.ports.out.OrganizationRepository;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** Creates organizations, finds them by slug, and changes their name and time zone. */
public final class OrganizationService
    implements CreateOrganizationUseCase, FindOrganizationUseCase, UpdateOrganizationUseCase {

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
    if (command.clerk().isPresent()) {
      organizations.insertForClerk(organization, command.clerk().get().clerkOrgId());
    } else {
      organizations.insert(organization);
    }
    return organization;
  }

  @Override
  public Optional<Organization> findBySlug(OrgSlug slug) {
    return organizations.findIdBySlug(slug).flatMap(organizations::find);
  }

  /** Strips the name; the organization record rejects a blank name or one over 200 characters. */
  @Override
  public Organization update(OrgId orgId, Optional<String> name, Optional<ZoneId> timeZone) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timeZone, "timeZone");
    Organization current = organizations.find(orgId).orElseThrow(() -> notFound(orgId));

    Organization changed =
        new Organization(
            current.id(),
            current.slug(),
            name.map(String::strip).orElse(current.name()),
            current.plan(),
            timeZone.orElse(current.timeZone()));
    organizations.update(changed);

    return organizations.find(orgId).orElseThrow(() -> notFound(orgId));
  }

  private static NoSuchOrganizationException notFound(OrgId orgId) {
    return new NoSuchOrganizationException("organization " + orgId + " not found");
  }
}
