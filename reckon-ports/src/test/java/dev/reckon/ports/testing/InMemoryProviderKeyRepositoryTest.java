package dev.reckon.ports.testing;

import dev.reckon.ports.out.OrganizationRepository;
import dev.reckon.ports.out.ProviderKeyRepository;

class InMemoryProviderKeyRepositoryTest extends ProviderKeyRepositoryContract {

  private final InMemoryOrganizationRepository organizations = new InMemoryOrganizationRepository();
  private final InMemoryProviderKeyRepository keys = new InMemoryProviderKeyRepository();

  @Override
  protected OrganizationRepository organizations() {
    return organizations;
  }

  @Override
  protected ProviderKeyRepository keys() {
    return keys;
  }
}
