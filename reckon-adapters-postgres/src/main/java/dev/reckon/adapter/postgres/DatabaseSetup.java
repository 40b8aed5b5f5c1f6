package dev.reckon.adapter.postgres;

import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Reckon's database and its three roles when they are missing, with an administrator's
 * connection. Safe to run on every deployment and concurrently.
 *
 * <p>Roles are created with LOGIN and no password: set passwords, or make the owner NOLOGIN and run
 * migrations through {@code SET ROLE}, outside this class. Existing roles are checked, not changed,
 * because changing role attributes needs a superuser that managed services do not offer.
 */
public final class DatabaseSetup {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseSetup.class);

  private static final String DUPLICATE_OBJECT = "42710";
  private static final String DUPLICATE_DATABASE = "42P04";
  private static final String APP_ROLE_ATTRIBUTES =
      "login nosuperuser nobypassrls nocreatedb nocreaterole noreplication";

  private DatabaseSetup() {}

  /**
   * Creates the roles and the database if missing, then checks that no role can bypass row-level
   * security and that the app roles are not members of the owner role.
   *
   * @param admin a connection pool to the server's maintenance database as a role allowed to create
   *     roles and databases
   * @throws IllegalStateException when an existing role has an attribute that would let it bypass
   *     row-level security
   */
  public static void ensureDatabaseAndRoles(DataSource admin, PostgresSettings settings) {
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(settings, "settings");
    DatabaseRoles roles = settings.roles();
    try (Handle handle = Jdbi.create(admin).open()) {
      createRoleIfMissing(handle, roles.owner());
      createRoleIfMissing(handle, roles.web());
      createRoleIfMissing(handle, roles.worker());
      RoleChecks.requireSafe(handle, roles);
      createDatabaseIfMissing(handle, settings.database(), roles.owner());
      restrictConnections(handle, settings.database(), roles);
    } catch (JdbiException e) {
      throw new UnableToAccessDatabaseException(
          "failed to set up database '" + settings.database() + "' and its roles", e);
    }
  }

  private static void createRoleIfMissing(Handle handle, String role) {
    if (exists(handle, "select 1 from pg_catalog.pg_roles where rolname = :name", role)) {
      return;
    }
    ignoringDuplicate(handle, "create role " + role + " " + APP_ROLE_ATTRIBUTES, DUPLICATE_OBJECT);
    LOG.info("Created role {}", role);
  }

  private static void createDatabaseIfMissing(Handle handle, String database, String owner) {
    if (exists(handle, "select 1 from pg_catalog.pg_database where datname = :name", database)) {
      return;
    }
    ignoringDuplicate(
        handle,
        "create database "
            + database
            + " with owner = "
            + owner
            + " encoding = 'UTF8' template = template0",
        DUPLICATE_DATABASE);
    LOG.info("Created database {} owned by {}", database, owner);
  }

  // PUBLIC can connect to and create temporary tables in a new database by default. Only the
  // three roles need to connect, and none of them needs temporary tables.
  private static void restrictConnections(Handle handle, String database, DatabaseRoles roles) {
    handle.execute("revoke all on database " + database + " from public");
    handle.execute("grant connect, create on database " + database + " to " + roles.owner());
    handle.execute(
        "grant connect on database " + database + " to " + roles.web() + ", " + roles.worker());
  }

  private static boolean exists(Handle handle, String sql, String name) {
    return handle.createQuery(sql).bind("name", name).mapTo(Integer.class).findOne().isPresent();
  }

  // Two deployments starting at once can both see the object missing; the loser's duplicate error
  // means the object now exists, which is what was wanted.
  private static void ignoringDuplicate(Handle handle, String ddl, String duplicateState) {
    try {
      handle.execute(ddl);
    } catch (JdbiException e) {
      if (!(e.getCause() instanceof SQLException sql)
          || !duplicateState.equals(sql.getSQLState())) {
        throw e;
      }
    }
  }
}
