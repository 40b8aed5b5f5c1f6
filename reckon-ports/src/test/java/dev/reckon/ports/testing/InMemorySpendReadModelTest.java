package dev.reckon.ports.testing;

import dev.reckon.ports.out.OrganizationRepository;
import dev.reckon.ports.out.ProviderKeyRepository;
import dev.reckon.ports.out.SpendReadModel;
import dev.reckon.ports.out.UsageRepository;

class InMemorySpendReadModelTest extends SpendReadModelContract {

  private final InMemoryOrganizationRepository organizations = new InMemoryOrganizationRepository();
  private final InMemoryProviderKeyRepository keys = new InMemoryProviderKeyRepository();
  private final InMemoryUsageRepository usage = new InMemoryUsageRepository();

  @Override
  protected OrganizationRepository organizations() {
    return organizations;
  }

  @Override
  protected ProviderKeyRepository keys() {
    return keys;
  }

  @Override
  protected UsageRepository usageRepository() {
    return usage;
  }

  @Override
  protected SpendReadModel spend() {
    return usage;
  }
}
