package dev.reckon.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one clear message, a non-zero exit code and no partial write. */
class BadInputIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-30T12:34:56Z"), ZoneOffset.UTC);

  private static TestDatabase database;
  private static CommandRunner reckon;
  @TempDir static Path stateDir;

  @BeforeAll
  static void setUp() {
    database = TestDatabase.create();
    reckon = new CommandRunner(database, stateDir, CLOCK);
    reckon.run("orgs", "create", "--slug", "acme", "--name", "Acme");
  }

  @AfterAll
  static void tearDown() {
    database.close();
  }

  @Test
  void unknownProviderIsNamed() {
    CommandRunner.Result result =
        reckon.runWithInput(
            "sk-admin-FAKE00000000000000000000abcd\n",
            "keys",
            "add",
            "--org",
            "acme",
            "--provider",
            "gemini",
            "--label",
            "x");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("reckon: unknown provider 'gemini': expected one of openai, anthropic\n");
  }

  @Test
  void wrongPrefixIsRejectedAndNothingStored() {
    CommandRunner.Result result =
        reckon.runWithInput(
            "sk-proj-FAKE00000000000000000000abcd\n",
            "keys",
            "add",
            "--org",
            "acme",
            "--provider",
            "openai",
            "--label",
            "project key");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("reckon: the openai key is not an admin key: expected the prefix sk-admin-.")
        .doesNotContain("FAKE0000");
    assertThat(reckon.run("keys", "list", "--org", "acme").out())
        .isEqualTo("No provider keys in acme; add one with ./reckon keys add\n");
  }

  @Test
  void reportWithFromAfterToIsRejected() {
    CommandRunner.Result result =
        reckon.run("report", "--org", "acme", "--from", "2026-11-05", "--to", "2026-11-01");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "reckon: 'from' (2026-11-05) must not be after 'to' (2026-11-01): swap the two dates\n");
  }

  @Test
  void malformedDateAndGroupByAreNamed() {
    assertThat(reckon.run("report", "--org", "acme", "--from", "11/05/2026").err())
        .isEqualTo(
            "reckon: --from '11/05/2026' is not a date: use YYYY-MM-DD, such as 2026-11-30\n");
    assertThat(reckon.run("report", "--org", "acme", "--group-by", "team").err())
        .isEqualTo(
            "reckon: unknown group-by 'team': expected one of day, model, provider, api-key, project\n");
  }

  @Test
  void fixedOffsetTimeZoneIsRejected() {
    CommandRunner.Result result =
        reckon.run(
            "orgs", "create", "--slug", "offset", "--name", "Offset", "--time-zone", "+02:00");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "reckon: time zone '+02:00' is invalid: use an IANA id such as Europe/Berlin or UTC\n");
  }

  @Test
  void everySubcommandTakesHelp() {
    String[][] commands = {
      {"demo", "--help"},
      {"worker", "--help"},
      {"migrate", "--help"},
      {"keys", "--help"},
      {"keys", "add", "--help"},
      {"keys", "list", "--help"},
      {"report", "--help"},
      {"orgs", "create", "--help"}
    };
    for (String[] command : commands) {
      CommandRunner.Result result = reckon.run(command);

      assertThat(result.exitCode()).as(String.join(" ", command)).isZero();
      assertThat(result.out()).as(String.join(" ", command)).startsWith("Usage: reckon ");
    }
  }

  @Test
  void unknownOrganizationSaysHowToCreateIt() {
    CommandRunner.Result result = reckon.run("report", "--org", "nobody");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "reckon: organization 'nobody' not found: create it with ./reckon orgs create --slug nobody --name NAME\n");
  }

  @Test
  void unreachableDatabaseSaysWhatToDo() {
    CommandRunner offline =
        new CommandRunner(database, stateDir, CLOCK, Map.of("RECKON_DATABASE_PORT", "1"));

    CommandRunner.Result result = offline.run("report", "--org", "acme");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("reckon: cannot connect to PostgreSQL (")
        .endsWith(
            "): start PostgreSQL or set RECKON_DATABASE_HOST and RECKON_DATABASE_PORT to a reachable server\n");
  }

  @Test
  void missingDatabaseSaysToMigrate() {
    CommandRunner missing =
        new CommandRunner(
            database, stateDir, CLOCK, Map.of("RECKON_DATABASE_NAME", "reckon_no_such_database"));

    CommandRunner.Result result = missing.run("report", "--org", "acme");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("reckon_no_such_database")
        .endsWith(": run ./reckon migrate to create it\n");
  }

  @Test
  void invalidConfigurationNamesTheVariable() {
    CommandRunner misconfigured =
        new CommandRunner(database, stateDir, CLOCK, Map.of("RECKON_POLL_INTERVAL", "hourly"));

    CommandRunner.Result result = misconfigured.run("worker", "--once");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "reckon: RECKON_POLL_INTERVAL 'hourly' is invalid: use an ISO-8601 duration such as PT1H or PT15M\n");
  }
}
