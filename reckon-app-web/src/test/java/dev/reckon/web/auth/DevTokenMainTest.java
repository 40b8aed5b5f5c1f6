package dev.reckon.web.auth;

import static dev.reckon.web.auth.TestTokens.CLOCK;
import static dev.reckon.web.auth.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.domain.access.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokenMainTest {

  @TempDir Path folder;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void runPrintsVerifiableToken() {
    String[] args = {
      "--org", "acme", "--role", "member", "--keys-dir", folder.toString(), "--ttl", "PT10M"
    };

    int exit = run(Map.of(), args);

    assertThat(exit).isZero();
    assertThat(err()).isEmpty();
    DevSigningKeys keys = DevSigningKeys.loadOrCreate(folder);
    Caller caller =
        new ClerkSessionVerifier(AuthSettings.development(keys), CLOCK)
            .verify(bearer(out().strip()));
    assertThat(caller.userId()).isEqualTo("user_dev_acme_member");
    assertThat(caller.organization())
        .isEqualTo(new ActiveOrganization("org_dev_acme", "acme", Role.MEMBER));
  }

  @Test
  void runUsesGivenUserId() {
    String[] args = {
      "--role",
      "admin",
      "--org",
      "acme",
      "--user",
      "user_dev_carol",
      "--keys-dir",
      folder.toString()
    };

    int exit = run(Map.of(), args);

    assertThat(exit).isZero();
    Caller caller =
        new ClerkSessionVerifier(
                AuthSettings.development(DevSigningKeys.loadOrCreate(folder)), CLOCK)
            .verify(bearer(out().strip()));
    assertThat(caller.userId()).isEqualTo("user_dev_carol");
    assertThat(caller.isOrganizationAdmin()).isTrue();
  }

  @Test
  void runRejectsInvalidArguments() {
    String keys = folder.toString();

    assertUsageError(
        "dev-token: --org is missing: pass the organization slug, for example --org acme",
        "--role",
        "admin");
    assertUsageError(
        "dev-token: --role is missing: pass --role admin or --role member", "--org", "acme");
    assertUsageError(
        "dev-token: --role 'owner' is invalid: use admin or member",
        "--org",
        "acme",
        "--role",
        "owner");
    assertUsageError(
        "dev-token: --ttl 'P1X' is invalid: use an ISO-8601 duration from PT1S to PT24H,"
            + " such as PT1H",
        "--org",
        "acme",
        "--role",
        "admin",
        "--ttl",
        "P1X",
        "--keys-dir",
        keys);
    assertUsageError(
        "dev-token: --ttl 'PT48H' is invalid: use an ISO-8601 duration from PT1S to PT24H,"
            + " such as PT1H",
        "--org",
        "acme",
        "--role",
        "admin",
        "--ttl",
        "PT48H");
    assertUsageError(
        "dev-token: unknown option '--team': use --org, --role, --user, --keys-dir or --ttl"
            + " (see --help)",
        "--team",
        "acme");
    assertUsageError("dev-token: --org needs a value (see --help)", "--role", "admin", "--org");
    assertUsageError(
        "dev-token: organization slug 'Acme Inc' is invalid: use 2 to 63 lower-case letters,"
            + " digits and hyphens, starting with a letter or digit",
        "--org",
        "Acme Inc",
        "--role",
        "admin");
  }

  @Test
  void runRefusesProduction() {
    String[] args = {"--org", "acme", "--role", "admin", "--keys-dir", folder.toString()};

    int exit = run(Map.of("RECKON_ENV", "production"), args);

    assertThat(exit).isEqualTo(2);
    assertThat(out()).isEmpty();
    assertThat(err())
        .isEqualTo(
            "dev-token: development tokens are rejected in production (RECKON_ENV=production):"
                + " sign in through Clerk instead\n");
  }

  @Test
  void runPrintsHelp() {
    String[] args = {"--help"};

    int exit = run(Map.of(), args);

    assertThat(exit).isZero();
    assertThat(out()).isEqualTo(DevTokenArguments.USAGE).startsWith("Usage: dev-token --org SLUG");
  }

  @Test
  void runReportsUnusableKeysFolder() throws Exception {
    Path file = java.nio.file.Files.writeString(folder.resolve("not-a-folder"), "FAKE");
    String[] args = {"--org", "acme", "--role", "admin", "--keys-dir", file.toString()};

    int exit = run(Map.of(), args);

    assertThat(exit).isEqualTo(1);
    assertThat(out()).isEmpty();
    assertThat(err())
        .startsWith("dev-token: development signing keys in folder " + file.toAbsolutePath())
        .endsWith("check that the folder is writable by this user\n");
  }

  private void assertUsageError(String expected, String... args) {
    out.reset();
    err.reset();

    int exit = run(Map.of(), args);

    assertThat(exit).as("exit code for %s", String.join(" ", args)).isEqualTo(2);
    assertThat(err()).isEqualTo(expected + "\n");
    assertThat(out()).isEmpty();
  }

  private int run(Map<String, String> env, String... args) {
    return DevTokenMain.run(
        args,
        env,
        CLOCK,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
