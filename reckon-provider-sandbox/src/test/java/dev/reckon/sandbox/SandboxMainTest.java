package dev.reckon.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxMainTest {

  @TempDir Path directory;

  @Test
  void launchWritesStateFileThenPrintsListeningLine() throws Exception {
    Path stateFile = directory.resolve("nested/sandbox-state.json");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    try (ProviderSandbox sandbox =
        SandboxMain.launch(
            new SandboxOptions(0, 7, stateFile, Duration.ZERO, false),
            new PrintStream(printed, true, StandardCharsets.UTF_8))) {

      JsonNode state = SandboxHttp.JSON.readTree(stateFile.toFile());
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .isEqualTo(
              "Provider sandbox listening on http://127.0.0.1:"
                  + sandbox.port()
                  + " (seed 7)"
                  + System.lineSeparator());
      assertThat(state.get("port").asInt()).isEqualTo(sandbox.port());
      assertThat(state.get("seed").asLong()).isEqualTo(7);
      assertThat(state.get("openai_base_url").asText()).isEqualTo(sandbox.openAiBaseUrl());
      assertThat(state.get("anthropic_base_url").asText()).isEqualTo(sandbox.anthropicBaseUrl());
      assertThat(state.get("admin_keys")).hasSize(4);
      JsonNode first = state.get("admin_keys").get(0);
      SandboxAdminKey expected = sandbox.adminKeys().get(0);
      assertThat(first.get("provider").asText()).isEqualTo("openai");
      assertThat(first.get("key").asText()).isEqualTo(expected.key());
      assertThat(first.get("organization").asText()).isEqualTo(expected.organizationId());
      assertThat(state.get("non_admin_keys").get(1).get("key").asText())
          .isEqualTo(sandbox.nonAdminKey(SandboxProvider.ANTHROPIC));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile)))
          .isEqualTo("rw-------");
      assertThat(Files.list(stateFile.getParent())).containsExactly(stateFile);
    }
  }

  @Test
  void listeningLineShowsLatency() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    try (ProviderSandbox sandbox =
        SandboxMain.launch(
            new SandboxOptions(0, 7, null, Duration.ofMillis(250), false),
            new PrintStream(printed, true, StandardCharsets.UTF_8))) {

      assertThat(printed.toString(StandardCharsets.UTF_8))
          .isEqualTo(
              "Provider sandbox listening on http://127.0.0.1:"
                  + sandbox.port()
                  + " (seed 7, latency 250 ms)"
                  + System.lineSeparator());
    }
  }

  @Test
  void sandboxBaseUrlsUseLoopback() {
    try (ProviderSandbox sandbox = SandboxHttp.start()) {

      assertThat(sandbox.openAiBaseUrl())
          .isEqualTo("http://127.0.0.1:" + sandbox.port() + "/openai/v1");
      assertThat(sandbox.anthropicBaseUrl())
          .isEqualTo("http://127.0.0.1:" + sandbox.port() + "/anthropic");
      assertThat(sandbox.port()).isPositive();
    }
  }

  @Test
  void closeTwiceIsHarmless() {
    ProviderSandbox sandbox = SandboxHttp.start();

    sandbox.close();
    sandbox.close();

    assertThat(sandbox.port()).isPositive();
  }
}
