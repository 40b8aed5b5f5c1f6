package dev.reckon.adapter.postgres.testing;

import com.zaxxer.hikari.HikariDataSource;
import dev.reckon.adapter.postgres.DataSources;
import dev.reckon.adapter.postgres.DatabaseRoles;
import dev.reckon.adapter.postgres.DatabaseSetup;
import dev.reckon.adapter.postgres.Migrations;
import dev.reckon.adapter.postgres.PostgresSettings;
import dev.reckon.adapter.postgres.ReckonJdbi;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migrated PostgreSQL database of its own, with its own owner, web and worker roles, for
 * integration tests. Database and roles get random names, so tests and builds running at once on
 * one server never share them, and {@link #close()} drops them.
 *
 * <p>The server is reached through an administrator JDBC URL, by default {@value
 * #DEFAULT_ADMIN_URL}, or the value of the environment variable {@value #ADMIN_URL_VARIABLE}. Every
 * pool this class hands out logs in as one of the three roles, never as the administrator.
 *
 * <pre>{@code
 * try (TestDatabase db = TestDatabase.create()) {
 *   var keys = new JdbiProviderKeyRepository(db.worker());
 *   ...
 * }
 * }</pre>
 */
public final class TestDatabase implements AutoCloseable {

  public static final String ADMIN_URL_VARIABLE = "RECKON_TEST_ADMIN_JDBC_URL";
  public static final String DEFAULT_ADMIN_URL =
      "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  private final String adminUrl;
  private final PostgresSettings settings;
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final HikariDataSource ownerPool;
  private final HikariDataSource webPool;
  private final HikariDataSource workerPool;
  private final Jdbi owner;
  private final Jdbi web;
  private final Jdbi worker;

  private TestDatabase(String adminUrl, PostgresSettings settings) {
    this.adminUrl = adminUrl;
    this.settings = settings;
    this.ownerPool = newPool(settings.roles().owner(), 2);
    this.webPool = newPool(settings.roles().web(), 4);
    this.workerPool = newPool(settings.roles().worker(), 4);
    this.owner = ReckonJdbi.create(ownerPool);
    this.web = ReckonJdbi.create(webPool);
    this.worker = ReckonJdbi.create(workerPool);
  }

  /** Creates the database and roles, applies every migration, and opens one pool per role. */
  public static TestDatabase create() {
    String adminUrl = adminUrl();
    Properties parsed = Driver.parseURL(adminUrl, new Properties());
    if (parsed == null) {
      throw new IllegalArgumentException(
          ADMIN_URL_VARIABLE + " is not a PostgreSQL JDBC URL (was '" + adminUrl + "')");
    }
    String name = "reckon_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    DatabaseRoles roles = new DatabaseRoles(name + "_owner", name + "_web", name + "_worker");
    PostgresSettings settings =
        new PostgresSettings(
            parsed.getProperty("PGHOST"),
            Integer.parseInt(parsed.getProperty("PGPORT")),
            name,
            roles,
            "disable");

    try {
      DatabaseSetup.ensureDatabaseAndRoles(adminDataSource(adminUrl), settings);
    } catch (RuntimeException e) {
      try {
        drop(adminUrl, settings);
      } catch (RuntimeException dropFailure) {
        e.addSuppressed(dropFailure);
      }
      throw e;
    }
    TestDatabase database = new TestDatabase(adminUrl, settings);
    try {
      Migrations.migrate(database.ownerPool, roles);
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  public PostgresSettings settings() {
    return settings;
  }

  public DatabaseRoles roles() {
    return settings.roles();
  }

  /** Returns a Jdbi logged in as the owner role, which owns the schema and runs migrations. */
  public Jdbi owner() {
    return owner;
  }

  /** Returns a Jdbi logged in as the web role. */
  public Jdbi web() {
    return web;
  }

  /** Returns a Jdbi logged in as the worker role. */
  public Jdbi worker() {
    return worker;
  }

  public DataSource ownerDataSource() {
    return ownerPool;
  }

  public DataSource webDataSource() {
    return webPool;
  }

  public DataSource workerDataSource() {
    return workerPool;
  }

  /** Opens another pool for one of the three roles; {@link #close()} closes it. */
  public HikariDataSource newPool(String role, int maximumPoolSize) {
    HikariDataSource pool = DataSources.pool(settings, role, maximumPoolSize);
    synchronized (pools) {
      pools.add(pool);
    }
    return pool;
  }

  /** Closes every pool, then drops the database and the three roles. */
  @Override
  public void close() {
    synchronized (pools) {
      pools.forEach(HikariDataSource::close);
      pools.clear();
    }
    drop(adminUrl, settings);
  }

  private static void drop(String adminUrl, PostgresSettings settings) {
    DatabaseRoles roles = settings.roles();
    try (Connection admin = adminDataSource(adminUrl).getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists " + settings.database() + " with (force)");
      statement.execute("drop role if exists " + roles.web());
      statement.execute("drop role if exists " + roles.worker());
      statement.execute("drop role if exists " + roles.owner());
    } catch (SQLException e) {
      throw new IllegalStateException(
          "failed to drop test database " + settings.database() + " and its roles", e);
    }
  }

  /**
   * Returns unpooled connections to the server's maintenance database as the administrator, for
   * tests that change roles. Prefer the role pools for everything else.
   */
  public static DataSource adminDataSource() {
    return adminDataSource(adminUrl());
  }

  private static String adminUrl() {
    return System.getenv().getOrDefault(ADMIN_URL_VARIABLE, DEFAULT_ADMIN_URL);
  }

  private static DataSource adminDataSource(String adminUrl) {
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setURL(adminUrl);
    return admin;
  }
}
