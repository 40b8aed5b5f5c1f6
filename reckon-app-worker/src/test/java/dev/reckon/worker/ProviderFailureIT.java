package dev.reckon.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.sandbox.InjectedFailure;
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

/** A provider failure mid-run fails the pass and writes nothing; the next pass recovers. */
class ProviderFailureIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-30T12:34:56Z"), ZoneOffset.UTC);

  private TestDatabase database;
  private ProviderSandbox sandbox;
  private CommandRunner reckon;
  private String anthropicKey;
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
    anthropicKey =
        sandbox.adminKeys().stream()
            .filter(key -> key.provider() == SandboxProvider.ANTHROPIC)
            .map(SandboxAdminKey::key)
            .findFirst()
            .orElseThrow();
    reckon.run("orgs", "create", "--slug", "acme", "--name", "Acme");
    reckon.runWithInput(
        anthropicKey + "\n",
        "keys",
        "add",
        "--org",
        "acme",
        "--provider",
        "anthropic",
        "--label",
        "main");
  }

  @AfterEach
  void tearDown() {
    sandbox.close();
    database.close();
  }

  @Test
  void truncatedResponsesWriteNothing() {
    sandbox.injectFailures(
        anthropicKey, new InjectedFailure(InjectedFailure.Kind.TRUNCATED_BODY, null), 1_000);

    CommandRunner.Result pass = reckon.run("worker", "--once");
    CommandRunner.Result report = reckon.run("report", "--org", "acme", "--format", "csv");

    assertThat(pass.exitCode()).isEqualTo(1);
    assertThat(pass.out()).contains("Polled 1 keys: 0 ingested, 1 failed, 0 rejected");
    assertThat(report.out().lines())
        .containsExactly(
            "day,label,billed_usd,estimated_usd,estimate_status,input_tokens,output_tokens,requests");
  }

  @Test
  void nextPassRecoversAfterServerErrors() {
    sandbox.injectFailures(anthropicKey, InjectedFailure.serverError(), 1_000);
    reckon.run("worker", "--once");
    sandbox.clearInjectedFailures();

    CommandRunner.Result pass = reckon.run("worker", "--once");
    CommandRunner.Result report =
        reckon.run("report", "--org", "acme", "--group-by", "provider", "--format", "csv");

    assertThat(pass.exitCode()).as(pass.err()).isZero();
    assertThat(report.out()).contains("\nanthropic,");
  }
}
