package dev.reckon.adapter.postgres;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.out.UsageRetentionRepository;
import dev.reckon.ports.testing.Fixtures;
import dev.reckon.ports.testing.UsageRetentionRepositoryContract;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The retention contract against PostgreSQL as the worker role. */
class JdbiUsageRetentionRepositoryIT extends UsageRetentionRepositoryContract {

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
  protected UsageRetentionRepository retention() {
    return new JdbiUsageRetentionRepository(database.worker());
  }

  @Override
  protected OrgId newOrganization() {
    Organization organization = Fixtures.organization();
    new JdbiOrganizationRepository(database.web()).insert(organization);
    return organization.id();
  }

  @Override
  protected void storeUsage(OrgId orgId, Instant... starts) {
    RawBuckets.insertUsage(database.worker(), orgId, starts);
  }

  @Override
  protected void storeCosts(OrgId orgId, Instant... starts) {
    RawBuckets.insertCosts(database.worker(), orgId, starts);
  }

  @Override
  protected List<Instant> usageStarts(OrgId orgId) {
    return RawBuckets.usageStarts(database.worker(), orgId);
  }

  @Override
  protected List<Instant> costStarts(OrgId orgId) {
    return RawBuckets.costStarts(database.worker(), orgId);
  }
}
