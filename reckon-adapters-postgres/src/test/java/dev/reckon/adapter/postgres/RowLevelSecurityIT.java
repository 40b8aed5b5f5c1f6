package dev.reckon.adapter.postgres;

import static dev.reckon.adapter.postgres.PostgresErrors.assertServerError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.postgres.TenantTable.AppRole;
import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.shared.OrgId;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Row-level security of every tenant table, as each app role, through SQL that never filters by
 * {@code org_id} itself, so only the policies stand between the organizations.
 */
class RowLevelSecurityIT {

  private static TestDatabase database;
  private static TenantFixture tenants;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create();
    tenants = TenantFixture.create(database);
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  static Stream<Arguments> rolesAndTables() {
    return Arrays.stream(AppRole.values())
        .flatMap(role -> Arrays.stream(TenantTable.values()).map(t -> Arguments.of(role, t)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("rolesAndTables")
  void ownContextSeesOwnRowsOnly(AppRole role, TenantTable table) {
    Jdbi jdbi = tenants.jdbi(role);

    long own = inOrg(jdbi, tenants.orgA(), h -> count(h, table, ""));
    long other = inOrg(jdbi, tenants.orgA(), h -> count(h, table, "where org_id <> :a"));

    assertThat(own).isPositive();
    assertThat(other).isZero();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("rolesAndTables")
  void missingContextSeesNoRows(AppRole role, TenantTable table) {
    Jdbi jdbi = tenants.jdbi(role);

    long rows = jdbi.inTransaction(h -> count(h, table, ""));

    assertThat(rows).isZero();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("rolesAndTables")
  void emptyContextSeesNoRows(AppRole role, TenantTable table) {
    Jdbi jdbi = tenants.jdbi(role);

    long rows =
        jdbi.inTransaction(
            h -> {
              h.createQuery("select set_config('app.org_id', '', true)").mapTo(String.class).one();
              return count(h, table, "");
            });

    assertThat(rows).isZero();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("rolesAndTables")
  void unknownOrganizationContextSeesNoRows(AppRole role, TenantTable table) {
    Jdbi jdbi = tenants.jdbi(role);

    long rows = inOrg(jdbi, new OrgId(UUID.randomUUID()), h -> count(h, table, ""));

    assertThat(rows).isZero();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("rolesAndTables")
  void insertForOtherOrganizationIsRejected(AppRole role, TenantTable table) {
    Jdbi jdbi = tenants.jdbi(role);

    assertServerError(
        () ->
            inOrg(
                jdbi,
                tenants.orgA(),
                h -> h.createUpdate(table.insertSql).bind("org", tenants.orgB().value()).execute()),
        table.allows(role, "INSERT")
            ? "new row violates row-level security policy for table \"" + table.table + "\""
            : "permission denied for table " + table.table);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("rolesAndTables")
  void updateMovingRowToOtherOrganizationIsRejected(AppRole role, TenantTable table) {
    Jdbi jdbi = tenants.jdbi(role);

    assertServerError(
        () ->
            inOrg(
                jdbi,
                tenants.orgA(),
                h ->
                    h.createUpdate("update " + table.qualified() + " set org_id = :b")
                        .bind("b", tenants.orgB().value())
                        .execute()),
        table.allowsOrgIdUpdate(role)
            ? "new row violates row-level security policy for table \"" + table.table + "\""
            : "permission denied for table " + table.table);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("rolesAndTables")
  void updateOfOtherOrganizationRowsChangesNothing(AppRole role, TenantTable table) {
    Jdbi jdbi = tenants.jdbi(role);
    String sql =
        "update "
            + table.qualified()
            + " set "
            + table.harmlessColumn
            + " = "
            + table.harmlessColumn
            + " where org_id = :b";

    if (!table.allows(role, "UPDATE")) {
      assertServerError(
          () ->
              inOrg(
                  jdbi,
                  tenants.orgA(),
                  h -> h.createUpdate(sql).bind("b", tenants.orgB().value()).execute()),
          "permission denied for table " + table.table);
      return;
    }
    int updated =
        inOrg(
            jdbi,
            tenants.orgA(),
            h -> h.createUpdate(sql).bind("b", tenants.orgB().value()).execute());

    assertThat(updated).isZero();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("rolesAndTables")
  void deleteOfOtherOrganizationRowsChangesNothing(AppRole role, TenantTable table) {
    Jdbi jdbi = tenants.jdbi(role);
    String sql = "delete from " + table.qualified() + " where org_id = :b";
    long before = inOrg(jdbi, tenants.orgB(), h -> count(h, table, ""));

    if (!table.allows(role, "DELETE")) {
      assertServerError(
          () ->
              inOrg(
                  jdbi,
                  tenants.orgA(),
                  h -> h.createUpdate(sql).bind("b", tenants.orgB().value()).execute()),
          "permission denied for table " + table.table);
      return;
    }
    int deleted =
        inOrg(
            jdbi,
            tenants.orgA(),
            h -> h.createUpdate(sql).bind("b", tenants.orgB().value()).execute());

    long after = inOrg(jdbi, tenants.orgB(), h -> count(h, table, ""));
    assertThat(deleted).isZero();
    assertThat(after).isEqualTo(before);
  }

  private static <R> R inOrg(Jdbi jdbi, OrgId orgId, HandleCallback<R, RuntimeException> work) {
    return jdbi.inTransaction(
        h -> {
          TenantTransactions.setOrg(h, orgId);
          return work.withHandle(h);
        });
  }

  private static long count(Handle handle, TenantTable table, String where) {
    var query = handle.createQuery("select count(*) from " + table.qualified() + " " + where);
    if (where.contains(":a")) {
      query.bind("a", tenants.orgA().value());
    }
    return query.mapTo(Long.class).one();
  }
}
