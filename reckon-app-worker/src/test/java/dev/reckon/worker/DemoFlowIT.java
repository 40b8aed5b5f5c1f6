package dev.reckon.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.sandbox.ProviderSandbox;
import dev.reckon.sandbox.SandboxAdminKey;
import dev.reckon.sandbox.SandboxProvider;
import dev.reckon.sandbox.SandboxSettings;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The demo flow end to end, in-process: sandbox, sealing through the command line, ingestion,
 * report. The report is checked against the sandbox's responses summed independently.
 */
class DemoFlowIT {

  private static final Instant NOW = Instant.parse("2026-11-30T12:34:56Z");
  private static final Instant START = Instant.parse("2026-09-02T00:00:00Z");

  private static TestDatabase database;
  private static ProviderSandbox sandbox;
  private static ListAppender<ILoggingEvent> logs;
  @TempDir static Path stateDir;

  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void startSandboxAndDatabase() {
    database = TestDatabase.create();
    sandbox =
        ProviderSandbox.start(
            SandboxSettings.defaults().withPort(0).withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    logs = new ListAppender<>();
    logs.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
  }

  @AfterAll
  static void stop() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    sandbox.close();
    database.close();
  }

  @Test
  void demoReportMatchesTheSandboxTotals() throws Exception {
    CommandRunner reckon = new CommandRunner(database, stateDir, Clock.fixed(NOW, ZoneOffset.UTC));
    Path state = writeStateFile();

    CommandRunner.Result demo = reckon.run("demo", "--once", "--sandbox-state", state.toString());
    CommandRunner.Result report =
        reckon.run(
            "report",
            "--org",
            "demo",
            "--from",
            "2026-09-01",
            "--to",
            "2026-11-30",
            "--group-by",
            "provider",
            "--format",
            "json");

    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("[5/5] Spend report").contains(": ingested,");
    assertThat(report.exitCode()).as(report.err()).isZero();
    JsonNode rows = json.readTree(report.out()).path("rows");
    SandboxTotals openAi =
        SandboxTotals.openAi(
            sandbox.openAiBaseUrl(),
            key(SandboxProvider.OPENAI).key(),
            START,
            NOW.truncatedTo(ChronoUnit.HOURS),
            NOW.truncatedTo(ChronoUnit.DAYS));
    SandboxTotals anthropic =
        SandboxTotals.anthropic(
            sandbox.anthropicBaseUrl(),
            key(SandboxProvider.ANTHROPIC).key(),
            START,
            NOW.truncatedTo(ChronoUnit.HOURS),
            NOW.truncatedTo(ChronoUnit.DAYS));
    assertProviderRow(row(rows, "openai"), openAi, true);
    assertProviderRow(row(rows, "anthropic"), anthropic, false);
    assertThat(new BigDecimal(json.readTree(report.out()).path("total_billed_usd").asText()))
        .isEqualByComparingTo(openAi.billedUsd.add(anthropic.billedUsd));
  }

  @Test
  void secondDemoRunLeavesTheReportUnchanged() throws Exception {
    CommandRunner reckon = new CommandRunner(database, stateDir, Clock.fixed(NOW, ZoneOffset.UTC));
    Path state = writeStateFile();
    reckon.run("demo", "--once", "--sandbox-state", state.toString());
    String[] reportArgs = {
      "report",
      "--org",
      "demo",
      "--from",
      "2026-09-01",
      "--to",
      "2026-11-30",
      "--group-by",
      "model",
      "--format",
      "json"
    };
    String first = reckon.run(reportArgs).out();

    CommandRunner.Result again = reckon.run("demo", "--once", "--sandbox-state", state.toString());

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("re-sealed in place");
    assertThat(reckon.run(reportArgs).out()).isEqualTo(first);
  }

  @Test
  void demoSurvivesANewMasterKey() throws Exception {
    CommandRunner reckon = new CommandRunner(database, stateDir, Clock.fixed(NOW, ZoneOffset.UTC));
    Path state = writeStateFile();
    reckon.run("demo", "--once", "--sandbox-state", state.toString());
    Files.delete(stateDir.resolve("master-key"));

    CommandRunner.Result again = reckon.run("demo", "--once", "--sandbox-state", state.toString());

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("re-sealed in place");
  }

  @Test
  void demoLeavesItsKeysPaused() throws Exception {
    CommandRunner reckon = new CommandRunner(database, stateDir, Clock.fixed(NOW, ZoneOffset.UTC));

    reckon.run("demo", "--once", "--sandbox-state", writeStateFile().toString());
    CommandRunner.Result list = reckon.run("keys", "list", "--org", "demo");

    assertThat(list.out().lines().filter(line -> line.contains("sandbox ")))
        .hasSize(2)
        .allMatch(line -> line.contains(" paused "));
  }

  @Test
  void outputShowsOnlyKeyHints() throws Exception {
    CommandRunner reckon = new CommandRunner(database, stateDir, Clock.fixed(NOW, ZoneOffset.UTC));
    CommandRunner.Result demo =
        reckon.run("demo", "--once", "--sandbox-state", writeStateFile().toString());
    CommandRunner.Result list = reckon.run("keys", "list", "--org", "demo");

    List<String> everything =
        new ArrayList<>(List.of(demo.out(), demo.err(), list.out(), list.err()));
    logs.list.forEach(
        event -> everything.add(event.getFormattedMessage() + " " + event.getKeyValuePairs()));

    assertThat(list.out()).contains(key(SandboxProvider.OPENAI).hint());
    for (SandboxAdminKey key : sandbox.adminKeys()) {
      String secretPart = key.key().substring(key.key().lastIndexOf('-') + 1);
      for (int i = 0; i + 5 <= secretPart.length(); i++) {
        String fragment = secretPart.substring(i, i + 5);
        assertThat(everything).noneMatch(text -> text.contains(fragment));
      }
    }
  }

  private static void assertProviderRow(JsonNode row, SandboxTotals expected, boolean hasRequests) {
    assertThat(row.path("input_tokens").asLong()).isEqualTo(expected.inputTokens);
    assertThat(row.path("output_tokens").asLong()).isEqualTo(expected.outputTokens);
    assertThat(new BigDecimal(row.path("billed_usd").asText()))
        .isEqualByComparingTo(expected.billedUsd);
    if (hasRequests) {
      assertThat(row.path("requests").asLong()).isEqualTo(expected.requests);
    } else {
      assertThat(row.path("requests").isNull()).isTrue();
    }
  }

  private Path writeStateFile() throws Exception {
    ObjectNode state = json.createObjectNode();
    state.put("seed", sandbox.seed());
    state.put("openai_base_url", sandbox.openAiBaseUrl());
    state.put("anthropic_base_url", sandbox.anthropicBaseUrl());
    ArrayNode keys = state.putArray("admin_keys");
    for (SandboxAdminKey key : sandbox.adminKeys()) {
      keys.addObject()
          .put("provider", key.provider().id())
          .put("key", key.key())
          .put("organization", key.organizationId());
    }
    Path file = stateDir.resolve("sandbox-state.json");
    Files.writeString(file, json.writeValueAsString(state));
    return file;
  }

  private static SandboxAdminKey key(SandboxProvider provider) {
    return sandbox.adminKeys().stream()
        .filter(key -> key.provider() == provider)
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode row(JsonNode rows, String provider) {
    for (JsonNode row : rows) {
      if (row.path("provider").asText().equals(provider)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + provider + " in " + rows);
  }
}
