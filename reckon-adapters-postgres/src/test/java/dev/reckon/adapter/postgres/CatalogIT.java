package dev.reckon.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.postgres.TenantTable.AppRole;
import dev.reckon.adapter.postgres.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The migrated schema, checked through PostgreSQL's catalog for ways around tenant isolation. */
class CatalogIT {

  private static final List<String> TABLE_PRIVILEGES =
      List.of("SELECT", "INSERT", "UPDATE", "DELETE");

  private static TestDatabase database;
  private static CatalogChecks checks;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create();
    checks = new CatalogChecks(database.owner(), database.roles());
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void tenantTablesForceRowSecurity() {
    assertThat(checks.tablesWithoutForcedRowSecurity()).isEmpty();
    assertThat(checks.tenantTablesWithoutTenantPolicy()).isEmpty();
    assertThat(checks.policiesNotScopedToTenant()).isEmpty();
  }

  @Test
  void everyTableWithoutOrgIdIsAllowListed() {
    assertThat(checks.tablesWithoutOrgId()).isEmpty();
  }

  @Test
  void uniqueIndexesAndForeignKeysIncludeOrgId() {
    assertThat(checks.uniqueIndexesWithoutOrgId()).isEmpty();
    assertThat(checks.foreignKeysWithoutOrgId()).isEmpty();
  }

  @Test
  void functionsCannotBeTurnedAgainstPolicies() {
    assertThat(checks.securityDefinerFunctionsWithoutSearchPath()).isEmpty();
    assertThat(checks.securityDefinerFunctionsExecutableByPublic()).isEmpty();
    assertThat(checks.unsafeTenantHelper()).isEmpty();
  }

  @Test
  void noViewShowsRowsWithOwnerRights() {
    assertThat(checks.materializedViews()).isEmpty();
    assertThat(checks.viewsWithoutSecurityInvoker()).isEmpty();
  }

  @Test
  void appRolesCannotBypassRowSecurity() {
    assertThat(checks.unsafeRoleAttributes()).isEmpty();
    assertThat(checks.forbiddenTablePrivileges()).isEmpty();
  }

  @Test
  void serverHasRowSecurityFixes() {
    assertThat(checks.serverHasRowSecurityFixes()).isTrue();
  }

  @Test
  void appRolesHoldExactlyIntendedTablePrivileges() {
    Jdbi owner = database.owner();

    for (TenantTable table : TenantTable.values()) {
      for (AppRole role : AppRole.values()) {
        for (String privilege : TABLE_PRIVILEGES) {
          boolean granted = tablePrivilege(owner, roleName(role), table, privilege);
          boolean intended =
              (role == AppRole.WEB ? table.webPrivileges : table.workerPrivileges)
                  .contains(privilege);
          assertThat(granted).as("%s %s on %s", role, privilege, table.table).isEqualTo(intended);
        }
      }
    }
  }

  @Test
  void workerUpdatesOnlyPollingColumnsAndEnvelopeOfProviderKeys() {
    Jdbi owner = database.owner();

    List<String> updatable =
        owner.withHandle(
            h ->
                h.createQuery(
                        "select attname from pg_attribute where attrelid = 'reckon.provider_keys'"
                            + "::regclass and attnum > 0 and not attisdropped"
                            + " and has_column_privilege(:role, attrelid, attname, 'UPDATE')"
                            + " order by attname")
                    .bind("role", database.roles().worker())
                    .mapTo(String.class)
                    .list());

    assertThat(updatable)
        .containsExactly(
            "attention_reason",
            "consecutive_failures",
            "last_error_category",
            "last_failure_at",
            "last_success_at",
            "next_run_at",
            "sealed",
            "status");
  }

  @Test
  void webUpdatesOrganizationNameAndZoneOnly() {
    Jdbi owner = database.owner();

    List<String> updatable =
        owner.withHandle(
            h ->
                h.createQuery(
                        "select attname from pg_attribute where attrelid = 'reckon.organizations'"
                            + "::regclass and attnum > 0 and not attisdropped"
                            + " and has_column_privilege(:role, attrelid, attname, 'UPDATE')"
                            + " order by attname")
                    .bind("role", database.roles().web())
                    .mapTo(String.class)
                    .list());

    assertThat(updatable).containsExactly("deletion_requested_at", "name", "time_zone");
  }

  @Test
  void appRolesMayCallCrossTenantLookups() {
    Jdbi owner = database.owner();

    for (String role : List.of(database.roles().web(), database.roles().worker())) {
      for (String function :
          List.of(
              "reckon.active_provider_keys()",
              "reckon.org_id_for_slug(text)",
              "reckon.org_id_for_clerk_org(text)",
              "reckon.organization_ids()")) {
        boolean granted =
            owner.withHandle(
                h ->
                    h.createQuery("select has_function_privilege(:role, :function, 'EXECUTE')")
                        .bind("role", role)
                        .bind("function", function)
                        .mapTo(Boolean.class)
                        .one());
        assertThat(granted).as("%s EXECUTE on %s", role, function).isTrue();
      }
    }
  }

  private static boolean tablePrivilege(
      Jdbi owner, String role, TenantTable table, String privilege) {
    return owner.withHandle(
        h ->
            h.createQuery("select has_table_privilege(:role, :table, :privilege)")
                .bind("role", role)
                .bind("table", table.qualified())
                .bind("privilege", privilege)
                .mapTo(Boolean.class)
                .one());
  }

  private static String roleName(AppRole role) {
    return role == AppRole.WEB ? database.roles().web() : database.roles().worker();
  }
}
