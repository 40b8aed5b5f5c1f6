package dev.reckon.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class DatabaseSetupIT {

  private final Jdbi admin = Jdbi.create(TestDatabase.adminDataSource());

  @Test
  void secondRunOnExistingDatabaseChangesNothing() {
    try (TestDatabase database = TestDatabase.create()) {
      int applied = Migrations.migrate(database.ownerDataSource(), database.roles());

      DatabaseSetup.ensureDatabaseAndRoles(TestDatabase.adminDataSource(), database.settings());

      assertThat(applied).isZero();
      long keys =
          database
              .worker()
              .withHandle(
                  h ->
                      h.createQuery("select count(*) from reckon.provider_keys")
                          .mapTo(Long.class)
                          .one());
      assertThat(keys).isZero();
    }
  }

  @Test
  void onlyReckonRolesMayConnect() {
    try (TestDatabase database = TestDatabase.create()) {
      String name = database.settings().database();

      boolean publicMayConnect =
          admin.withHandle(
              h ->
                  h.createQuery(
                          "select exists (select 1 from pg_database d, aclexplode(d.datacl) a"
                              + " where d.datname = :db and a.grantee = 0)")
                      .bind("db", name)
                      .mapTo(Boolean.class)
                      .one());

      assertThat(publicMayConnect).isFalse();
    }
  }

  @Test
  void existingRoleWithBypassRlsIsRejected() {
    String name = "reckon_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    DatabaseRoles roles = new DatabaseRoles(name + "_owner", name + "_web", name + "_worker");
    PostgresSettings settings = new PostgresSettings("127.0.0.1", 5432, name, roles, "disable");
    admin.useHandle(h -> h.execute("create role " + roles.worker() + " login bypassrls"));
    try {
      assertThatThrownBy(
              () -> DatabaseSetup.ensureDatabaseAndRoles(TestDatabase.adminDataSource(), settings))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("role '" + roles.worker() + "' must not have BYPASSRLS");

      boolean created =
          admin.withHandle(
              h ->
                  h.createQuery("select exists (select 1 from pg_database where datname = :db)")
                      .bind("db", name)
                      .mapTo(Boolean.class)
                      .one());
      assertThat(created).isFalse();
    } finally {
      admin.useHandle(
          h -> {
            h.execute("drop role if exists " + roles.owner());
            h.execute("drop role if exists " + roles.web());
            h.execute("drop role if exists " + roles.worker());
          });
    }
  }
}
