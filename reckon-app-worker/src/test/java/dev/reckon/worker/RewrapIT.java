package dev.reckon.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.sandbox.ProviderSandbox;
import dev.reckon.sandbox.SandboxAdminKey;
import dev.reckon.sandbox.SandboxProvider;
import dev.reckon.sandbox.SandboxSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotating the local master key and re-wrapping: stored keys move to the new version, the worker
 * still opens every one of them, and the old version leaves the key file once nothing uses it.
 */
class RewrapIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-30T12:34:56Z"), ZoneOffset.UTC);

  private TestDatabase database;
  private ProviderSandbox sandbox;
  private CommandRunner reckon;
  @TempDir Path stateDir;

  @BeforeEach
  void setUp() {
    database = TestDatabase.create();
    sandbox = ProviderSandbox.start(SandboxSettings.defaults().withPort(0).withClock(CLOCK));
    reckon =
        new CommandRunner(
            database,
            stateDir,
            CLOCK,
            Map.of(
                "RECKON_OPENAI_BASE_URL", sandbox.openAiBaseUrl(),
                "RECKON_ANTHROPIC_BASE_URL", sandbox.anthropicBaseUrl(),
                "RECKON_MAX_BACKFILL_DAYS", "2"));
    assertThat(reckon.run("orgs", "create", "--slug", "acme", "--name", "Acme").exitCode())
        .isZero();
    assertThat(reckon.run("orgs", "create", "--slug", "globex", "--name", "Globex").exitCode())
        .isZero();
  }

  @AfterEach
  void tearDown() {
    sandbox.close();
    database.close();
  }

  @Test
  void rewrapAfterRotationRetiresOldVersion() throws IOException {
    List<SandboxAdminKey> keys = sandbox.adminKeys();
    addKey("acme", keys.get(0));
    addKey("globex", keys.get(1));

    CommandRunner.Result rotated = reckon.run("keys", "rotate-master-key");
    addKey("globex", keys.get(2));
    CommandRunner.Result rewrapped = reckon.run("keys", "rewrap");
    CommandRunner.Result again = reckon.run("keys", "rewrap");
    CommandRunner.Result polled = reckon.run("worker", "--once");

    assertThat(rotated.exitCode()).as(rotated.err()).isZero();
    assertThat(rotated.out()).contains("New seals now use master key local:v2.");
    assertThat(rewrapped.exitCode()).as(rewrapped.err()).isZero();
    assertThat(rewrapped.out())
        .contains("3 of 3 keys visited")
        .contains("2 keys re-wrapped, 1 already under local:v2, 0 failed, 0 replaced meanwhile.")
        .contains("Retired master key versions no key uses: local:v1");
    assertThat(again.out())
        .contains("0 keys re-wrapped, 3 already under local:v2")
        .doesNotContain("Retired");
    assertThat(masterKeyFile()).doesNotContainPattern("(?m)^v1 ").containsPattern("(?m)^v2 ");
    assertThat(polled.exitCode()).as(polled.out() + polled.err()).isZero();
    assertThat(polled.out()).contains("Polled 3 keys: 3 ingested, 0 failed");
  }

  @Test
  void rewrapWithNothingRotatedChangesNothing() throws IOException {
    addKey("acme", sandbox.adminKeys().get(0));
    String before = masterKeyFile();

    CommandRunner.Result rewrapped = reckon.run("keys", "rewrap");

    assertThat(rewrapped.exitCode()).as(rewrapped.err()).isZero();
    assertThat(rewrapped.out()).contains("0 keys re-wrapped, 1 already under local:v1");
    assertThat(masterKeyFile()).isEqualTo(before);
  }

  private void addKey(String org, SandboxAdminKey key) {
    String provider = key.provider() == SandboxProvider.OPENAI ? "openai" : "anthropic";
    CommandRunner.Result added =
        reckon.runWithInput(
            key.key() + "\n",
            "keys",
            "add",
            "--org",
            org,
            "--provider",
            provider,
            "--label",
            provider + " key");
    assertThat(added.exitCode()).as(added.err()).isZero();
  }

  private String masterKeyFile() throws IOException {
    return Files.readString(stateDir.resolve("master-key"), StandardCharsets.US_ASCII);
  }
}
