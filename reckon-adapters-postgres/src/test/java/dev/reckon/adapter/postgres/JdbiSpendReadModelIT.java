package dev.reckon.adapter.postgres;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.ports.out.OrganizationRepository;
import dev.reckon.ports.out.ProviderKeyRepository;
import dev.reckon.ports.out.SpendReadModel;
import dev.reckon.ports.out.UsageRepository;
import dev.reckon.ports.testing.SpendReadModelContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the contract with the worker writing and the web role reading, as in production. */
class JdbiSpendReadModelIT extends SpendReadModelContract {

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
    return new JdbiUsageRepository(database.worker());
  }

  @Override
  protected SpendReadModel spend() {
    return new JdbiSpendReadModel(database.web());
  }
}
