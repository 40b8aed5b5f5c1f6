package dev.reckon.adapter.postgres;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.ports.out.OrganizationRepository;
import dev.reckon.ports.testing.OrganizationRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbiOrganizationRepositoryIT extends OrganizationRepositoryContract {

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
  protected OrganizationRepository workerOrganizations() {
    return new JdbiOrganizationRepository(database.worker());
  }
}
