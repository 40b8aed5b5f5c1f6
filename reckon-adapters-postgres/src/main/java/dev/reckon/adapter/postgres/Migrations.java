package dev.reckon.adapter.postgres;

import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings schema {@value #SCHEMA} up to date with Flyway, connected as the owner role. */
public final class Migrations {

  /** The schema holding every Reckon table, function and policy. */
  public static final String SCHEMA = "reckon";

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  /**
   * The version of the newest migration this build carries. A database whose applied version is
   * lower needs {@code migrate} before this build can use it.
   */
  public static final int LATEST_VERSION = 9;

  /**
   * Returns the newest migration version applied to the database, read through an id-only function
   * that the app roles may call, or 0 when none is.
   */
  public static int appliedVersion(Jdbi jdbi) {
    Objects.requireNonNull(jdbi, "jdbi");
    try {
      Integer version =
          jdbi.withHandle(
              handle ->
                  handle.createQuery("select reckon.schema_version()").mapTo(Integer.class).one());
      return version == null ? 0 : version;
    } catch (JdbiException e) {
      throw new UnableToAccessDatabaseException("failed to read the schema version", e);
    }
  }

  /**
   * Applies pending migrations. The role names fill the migrations' grants and policies, so one
   * server can hold several Reckon databases with their own roles, as the tests do.
   *
   * @param owner a connection pool logged in as {@code roles.owner()}, which becomes the owner of
   *     every object created
   * @return the number of migrations applied
   */
  public static int migrate(DataSource owner, DatabaseRoles roles) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(roles, "roles");
    Flyway flyway =
        Flyway.configure()
            .dataSource(owner)
            .schemas(SCHEMA)
            .createSchemas(true)
            .locations("classpath:db/migration")
            .placeholders(
                Map.of(
                    "owner_role", roles.owner(),
                    "web_role", roles.web(),
                    "worker_role", roles.worker()))
            .cleanDisabled(true)
            .load();
    try {
      int applied = flyway.migrate().migrationsExecuted;
      LOG.info("Applied {} migrations to schema {}", applied, SCHEMA);
      return applied;
    } catch (FlywayException e) {
      throw new UnableToAccessDatabaseException("failed to migrate schema " + SCHEMA, e);
    }
  }
}
