package dev.reckon.ports.testing;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.domain.usage.CostBucket;
import dev.reckon.domain.usage.UsageBucket;
import dev.reckon.ports.out.OrganizationRepository;
import dev.reckon.ports.out.ProviderKeyRepository;
import dev.reckon.ports.out.UsageRepository;
import java.util.List;

class InMemoryUsageRepositoryTest extends UsageRepositoryContract {

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
  protected List<UsageBucket> storedUsage(OrgId orgId, ProviderKeyId keyId) {
    return usage.storedUsage(orgId, keyId);
  }

  @Override
  protected List<CostBucket> storedCosts(OrgId orgId, ProviderKeyId keyId) {
    return usage.storedCosts(orgId, keyId);
  }
}
