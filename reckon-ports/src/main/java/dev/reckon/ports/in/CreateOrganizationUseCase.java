package dev.reckon.ports.in;

import dev.reckon.domain.tenant.Organization;

/** Creates a Reckon organization. */
public interface CreateOrganizationUseCase {

  /**
   * Creates the organization with a new id.
   *
   * @throws IllegalStateException when the slug is taken
   */
  Organization create(CreateOrganizationCommand command);
}
