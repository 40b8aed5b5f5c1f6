package dev.reckon.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A failing statement's exception must not carry its bound values, which may be secret. Two layers
 * would otherwise print them: Jdbi's rendering of arguments and the server's DETAIL line.
 */
class SecretsInErrorsIT {

  private static final String SECRET = "sk-admin-FAKE-do-not-log-7f3a";

  private static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void adapterExceptionsLeaveOutBoundValues() {
    Jdbi jdbi = ReckonJdbi.create(database.webDataSource());

    Throwable thrown = catchThrowable(() -> insertKeyViolatingCheck(jdbi));

    assertThat(chainText(thrown)).contains("violates check constraint").doesNotContain(SECRET);
  }

  @Test
  void plainJdbiWouldRenderBoundValues() {
    Jdbi jdbi = Jdbi.create(database.webDataSource());

    Throwable thrown = catchThrowable(() -> insertKeyViolatingCheck(jdbi));

    assertThat(chainText(thrown)).contains(SECRET);
  }

  // PostgreSQL itself leaves the failing row out of errors on tables with row-level security, so
  // the driver setting matters for tables without it, as this temporary table.
  @Test
  void poolsLeaveOutServerDetail() {
    Jdbi jdbi = ReckonJdbi.create(database.ownerDataSource());

    Throwable thrown = catchThrowable(() -> insertViolatingCheckWithoutRowSecurity(jdbi));

    assertThat(chainText(thrown)).contains("violates check constraint").doesNotContain(SECRET);
  }

  @Test
  void serverDetailWouldRepeatFailingRow() {
    PGSimpleDataSource withDetail = new PGSimpleDataSource();
    withDetail.setURL(database.settings().jdbcUrl());
    withDetail.setUser(database.roles().owner());
    Jdbi jdbi = ReckonJdbi.create(withDetail);

    Throwable thrown = catchThrowable(() -> insertViolatingCheckWithoutRowSecurity(jdbi));

    assertThat(chainText(thrown)).contains("Failing row contains").contains(SECRET);
  }

  private static void insertViolatingCheckWithoutRowSecurity(Jdbi jdbi) {
    jdbi.useTransaction(
        h -> {
          h.execute(
              "create temporary table probe (label text check (char_length(label) < 5))"
                  + " on commit drop");
          h.createUpdate("insert into probe (label) values (:label)")
              .bind("label", SECRET)
              .execute();
        });
  }

  private static void insertKeyViolatingCheck(Jdbi jdbi) {
    UUID org = UUID.randomUUID();
    jdbi.useTransaction(
        h -> {
          h.createQuery("select set_config('app.org_id', :org, true)")
              .bind("org", org.toString())
              .mapTo(String.class)
              .one();
          h.createUpdate(
                  "insert into reckon.provider_keys (org_id, id, provider, label, hint, status,"
                      + " sealed, created_by, created_at)"
                      + " values (:org, :id, 'openai', :label, 'TOO LONG', 'active', '\\x00',"
                      + " 'u', now())")
              .bind("org", org)
              .bind("id", UUID.randomUUID())
              .bind("label", SECRET)
              .execute();
        });
  }

  private static String chainText(Throwable thrown) {
    List<String> texts = new ArrayList<>();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      texts.add(t.toString());
    }
    return String.join("\n", texts);
  }
}
