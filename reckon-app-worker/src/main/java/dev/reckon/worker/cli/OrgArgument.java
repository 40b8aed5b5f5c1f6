package dev.reckon.worker.cli;

import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.FindOrganizationUseCase;
import dev.reckon.ports.in.NoSuchOrganizationException;

/** Resolves the {@code --org SLUG} option shared by several commands. */
final class OrgArgument {

  private OrgArgument() {}

  static Organization resolve(FindOrganizationUseCase organizations, String slug) {
    OrgSlug parsed = new OrgSlug(slug);
    return organizations
        .findBySlug(parsed)
        .orElseThrow(
            () ->
                new NoSuchOrganizationException(
                    "organization '"
                        + slug
                        + "' not found: create it with"
                        + " ./reckon orgs create --slug "
                        + slug
                        + " --name NAME"));
  }
}
