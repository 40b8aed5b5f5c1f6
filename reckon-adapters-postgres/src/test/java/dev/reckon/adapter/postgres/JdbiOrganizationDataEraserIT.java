package dev.reckon.adapter.postgres;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.ports.out.OrganizationDataEraser;
import dev.reckon.ports.out.OrganizationDataEraser.TenantData;
import dev.reckon.ports.testing.OrganizationDataEraserContract;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The data deletion contract against PostgreSQL as the worker role. */
class JdbiOrganizationDataEraserIT extends OrganizationDataEraserContract {

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
  protected OrganizationDataEraser eraser() {
    return new JdbiOrganizationDataEraser(database.worker());
  }

  /** Two keys give four watermarks; every other kind gets at least three rows. */
  @Override
  protected OrgId newOrganizationWithRows() {
    return TenantRows.seed(database, 2, 3);
  }

  @Override
  protected Map<TenantData, Long> remaining(OrgId orgId) {
    Map<TenantData, Long> remaining = new EnumMap<>(TenantData.class);
    for (TenantData kind : TenantData.values()) {
      String table = JdbiOrganizationDataEraser.table(kind);
      remaining.put(kind, TenantRows.count(database.owner(), orgId, List.of(table)).get(table));
    }
    return remaining;
  }

  @Override
  protected boolean organizationExists(OrgId orgId) {
    return new JdbiOrganizationRepository(database.web()).find(orgId).isPresent();
  }
}
