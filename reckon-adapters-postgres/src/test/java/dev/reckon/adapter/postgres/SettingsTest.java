package dev.reckon.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class SettingsTest {

  @Test
  void jdbcUrlNamesServerDatabaseAndTlsMode() {
    PostgresSettings settings =
        new PostgresSettings("127.0.0.1", 5432, "reckon", DatabaseRoles.standard(), "disable");

    assertThat(settings.jdbcUrl())
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/reckon?sslmode=disable");
  }

  @Test
  void roleNameMustBePlainIdentifier() {
    assertThatThrownBy(() -> new DatabaseRoles("owner", "web; drop table x", "worker"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'web' must be 1 to 63 lower-case letters, digits or underscores, not starting with a"
                + " digit (was 'web; drop table x')");
  }

  @Test
  void roleNamesMustDiffer() {
    assertThatThrownBy(() -> new DatabaseRoles("reckon", "reckon", "worker"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("role names must differ (was owner 'reckon', web 'reckon', worker 'worker')");
  }

  @Test
  void sslModeMustBeKnown() {
    assertThatThrownBy(
            () -> new PostgresSettings("db", 5432, "reckon", DatabaseRoles.standard(), "on"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'sslMode' must be one of disable, allow, prefer, require, verify-ca, verify-full"
                + " (was 'on')");
  }

  @Test
  void portMustBeInRange() {
    assertThatThrownBy(
            () -> new PostgresSettings("db", 0, "reckon", DatabaseRoles.standard(), "disable"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'port' must be 1 to 65535 (was 0)");
  }

  @Test
  void repositoriesRejectJdbiThatRendersArguments() {
    Jdbi plain = Jdbi.create(new PGSimpleDataSource());

    assertThatThrownBy(() -> new JdbiUsageRepository(plain))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'jdbi' must not render bound arguments in exception messages: create it with"
                + " ReckonJdbi.create");
  }
}
