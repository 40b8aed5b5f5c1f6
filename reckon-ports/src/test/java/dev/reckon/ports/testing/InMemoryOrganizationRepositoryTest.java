package dev.reckon.ports.testing;

import dev.reckon.ports.out.OrganizationRepository;

class InMemoryOrganizationRepositoryTest extends OrganizationRepositoryContract {

  private final InMemoryOrganizationRepository organizations = new InMemoryOrganizationRepository();

  @Override
  protected OrganizationRepository organizations() {
    return organizations;
  }
}
