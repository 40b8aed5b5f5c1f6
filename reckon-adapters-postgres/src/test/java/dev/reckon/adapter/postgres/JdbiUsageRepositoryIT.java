package dev.reckon.adapter.postgres;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.domain.usage.CostBucket;
import dev.reckon.domain.usage.UsageBucket;
import dev.reckon.ports.out.OrganizationRepository;
import dev.reckon.ports.out.ProviderKeyRepository;
import dev.reckon.ports.out.UsageRepository;
import dev.reckon.ports.testing.UsageRepositoryContract;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the contract as the worker role, with statements of two rows so every batch is split. */
class JdbiUsageRepositoryIT extends UsageRepositoryContract {

  private static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Override
  protected OrganizationRepository organizations() {
    return new JdbiOrganizationRepository(database.web());
  }

  @Override
  protected ProviderKeyRepository keys() {
    return new JdbiProviderKeyRepository(database.web());
  }

  @Override
  protected UsageRepository usageRepository() {
    return new JdbiUsageRepository(database.worker(), 2);
  }

  @Override
  protected List<UsageBucket> storedUsage(OrgId orgId, ProviderKeyId keyId) {
    return new StoredBuckets(database.worker()).usage(orgId, keyId);
  }

  @Override
  protected List<CostBucket> storedCosts(OrgId orgId, ProviderKeyId keyId) {
    return new StoredBuckets(database.worker()).costs(orgId, keyId);
  }
}
