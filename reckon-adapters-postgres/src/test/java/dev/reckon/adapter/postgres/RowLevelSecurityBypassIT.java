package dev.reckon.adapter.postgres;

import static dev.reckon.adapter.postgres.PostgresErrors.assertServerError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.postgres.TenantTable.AppRole;
import dev.reckon.adapter.postgres.testing.TestDatabase;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.PGConnection;

/** Ways an app role could try to get around row-level security, each of which must fail. */
class RowLevelSecurityBypassIT {

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

  @ParameterizedTest
  @EnumSource(AppRole.class)
  void setRoleToOwnerIsDenied(AppRole role) {
    Jdbi jdbi = tenants.jdbi(role);

    assertServerError(
        () -> jdbi.useHandle(h -> h.execute("set role " + database.roles().owner())),
        "permission denied to set role \"" + database.roles().owner() + "\"");
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("rolesAndTables")
  void rowSecurityOffFailsClosed(AppRole role, TenantTable table) {
    Jdbi jdbi = tenants.jdbi(role);

    assertServerError(
        () ->
            jdbi.useTransaction(
                h -> {
                  TenantTransactions.setOrg(h, tenants.orgA());
                  h.execute("set local row_security = off");
                  h.createQuery("select count(*) from " + table.qualified())
                      .mapTo(Long.class)
                      .one();
                }),
        "query would be affected by row-level security policy for table \"" + table.table + "\"");
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("rolesAndTables")
  void truncateIsDenied(AppRole role, TenantTable table) {
    Jdbi jdbi = tenants.jdbi(role);

    assertServerError(
        () -> jdbi.useHandle(h -> h.execute("truncate " + table.qualified() + " cascade")),
        "permission denied for table " + table.table);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("rolesAndTables")
  void copyFromIsRejected(AppRole role, TenantTable table) {
    Jdbi jdbi = tenants.jdbi(role);

    assertServerError(
        () ->
            jdbi.useTransaction(
                h -> {
                  TenantTransactions.setOrg(h, tenants.orgA());
                  copyIn(h, "copy " + table.qualified() + " from stdin", "");
                }),
        table.allows(role, "INSERT")
            ? "COPY FROM not supported with row-level security"
            : "permission denied for table " + table.table);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("rolesAndTables")
  void copyToWritesOwnRowsOnly(AppRole role, TenantTable table) {
    Jdbi jdbi = tenants.jdbi(role);

    String copied =
        jdbi.inTransaction(
            h -> {
              TenantTransactions.setOrg(h, tenants.orgA());
              return copyOut(h, "copy " + table.qualified() + " (org_id) to stdout");
            });

    assertThat(copied.lines()).isNotEmpty().containsOnly(tenants.orgA().toString());
  }

  // A query qual that raises an error for another organization's rows would reveal them if it ran
  // before the policy. Because the qual is not LEAKPROOF, PostgreSQL evaluates the policy first.
  @ParameterizedTest
  @EnumSource(AppRole.class)
  void errorRaisingQualNeverSeesOtherOrganization(AppRole role) {
    Jdbi jdbi = tenants.jdbi(role);

    long rows =
        jdbi.inTransaction(
            h -> {
              TenantTransactions.setOrg(h, tenants.orgA());
              return h.createQuery(
                      "select count(*) from reckon.usage_buckets"
                          + " where 1 / (case when org_id = :b then 0 else 1 end) = 1")
                  .bind("b", tenants.orgB().value())
                  .mapTo(Long.class)
                  .one();
            });

    assertThat(rows).isEqualTo(2);
  }

  private static void copyIn(Handle handle, String sql, String data) {
    try {
      handle
          .getConnection()
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(sql, new StringReader(data));
    } catch (Exception e) {
      throw new IllegalStateException("COPY failed", e);
    }
  }

  private static String copyOut(Handle handle, String sql) {
    try {
      StringWriter out = new StringWriter();
      handle.getConnection().unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException("COPY failed", e);
    }
  }
}
