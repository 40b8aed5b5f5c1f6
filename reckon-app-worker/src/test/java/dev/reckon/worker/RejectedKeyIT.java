package dev.reckon.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.sandbox.ProviderSandbox;
import dev.reckon.sandbox.SandboxAdminKey;
import dev.reckon.sandbox.SandboxProvider;
import dev.reckon.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key the provider rejects is parked after one call, and the other keys carry on. */
class RejectedKeyIT {

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
                "RECKON_MAX_BACKFILL_DAYS", "3"));
    assertThat(
            reckon
                .run("orgs", "create", "--slug", "acme", "--name", "Acme", "--plan", "free")
                .exitCode())
        .isZero();
  }

  @AfterEach
  void tearDown() {
    sandbox.close();
    database.close();
  }

  @Test
  void rejectedKeyIsCalledOnceThenParked() {
    CommandRunner.Result added =
        reckon.runWithInput(
            "sk-admin-FAKE-revoked-000000000000000000000dead\n",
            "keys",
            "add",
            "--org",
            "acme",
            "--provider",
            "openai",
            "--label",
            "revoked");
    long before = totalRequests();

    CommandRunner.Result firstPass = reckon.run("worker", "--once");
    long afterFirst = totalRequests();
    CommandRunner.Result secondPass = reckon.run("worker", "--once");
    CommandRunner.Result list = reckon.run("keys", "list", "--org", "acme");

    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(added.out()).contains("…dead").doesNotContain("revoked-0000");
    assertThat(firstPass.exitCode()).isEqualTo(1);
    assertThat(firstPass.out())
        .contains("Polled 1 keys: 0 ingested, 0 failed, 1 rejected by the provider");
    assertThat(afterFirst - before).isEqualTo(1);
    assertThat(secondPass.out()).contains("Polled 0 keys");
    assertThat(totalRequests()).isEqualTo(afterFirst);
    assertThat(list.out())
        .contains("needs_attention")
        .contains("replace it with a current Admin key");
  }

  @Test
  void otherKeysCarryOnPastARejectedOne() {
    reckon.runWithInput(
        "sk-admin-FAKE-revoked-000000000000000000000dead\n",
        "keys",
        "add",
        "--org",
        "acme",
        "--provider",
        "openai",
        "--label",
        "revoked");
    reckon.runWithInput(
        key(SandboxProvider.ANTHROPIC) + "\n",
        "keys",
        "add",
        "--org",
        "acme",
        "--provider",
        "anthropic",
        "--label",
        "good");

    CommandRunner.Result pass = reckon.run("worker", "--once");
    CommandRunner.Result report =
        reckon.run("report", "--org", "acme", "--group-by", "provider", "--format", "csv");

    assertThat(pass.out()).contains("Polled 2 keys: 1 ingested, 0 failed, 1 rejected");
    assertThat(report.out()).contains("\nanthropic,");
    assertThat(report.out()).doesNotContain("\nopenai,");
  }

  private long totalRequests() {
    return sandbox.requestCounts().values().stream().mapToLong(Long::longValue).sum();
  }

  private String key(SandboxProvider provider) {
    return sandbox.adminKeys().stream()
        .filter(key -> key.provider() == provider)
        .map(SandboxAdminKey::key)
        .findFirst()
        .orElseThrow();
  }
}
