package dev.reckon.ports.testing;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.ports.out.UsageRetentionRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

class InMemoryUsageRetentionRepositoryTest extends UsageRetentionRepositoryContract {

  private final InMemoryUsageRetentionRepository retention = new InMemoryUsageRetentionRepository();

  @Override
  protected UsageRetentionRepository retention() {
    return retention;
  }

  @Override
  protected OrgId newOrganization() {
    return new OrgId(UUID.randomUUID());
  }

  @Override
  protected void storeUsage(OrgId orgId, Instant... starts) {
    retention.addUsage(orgId, starts);
  }

  @Override
  protected void storeCosts(OrgId orgId, Instant... starts) {
    retention.addCosts(orgId, starts);
  }

  @Override
  protected List<Instant> usageStarts(OrgId orgId) {
    return retention.usageStarts(orgId);
  }

  @Override
  protected List<Instant> costStarts(OrgId orgId) {
    return retention.costStarts(orgId);
  }
}
