package dev.reckon.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shaded jar as a separate process, as a launcher does. */
class SandboxMainIT {

  private static final Path JAR = Path.of("target", "reckon-provider-sandbox.jar");

  @TempDir Path directory;

  @Test
  void jarServesUntilSigtermAndRemovesStateFile() throws Exception {
    Path stateFile = directory.resolve("state.json");
    Process process = start("--seed", "9", "--state-file", stateFile.toString());
    try {
      JsonNode state = awaitStateFile(stateFile, process);
      String line = firstLine(process);
      String key = state.get("admin_keys").get(0).get("key").asText();
      long start = Instant.now().getEpochSecond() / 86_400 * 86_400 - 86_400;
      HttpResponse<String> response =
          get(
              state.get("openai_base_url").asText() + "/organization/costs?start_time=" + start,
              key);

      assertThat(line)
          .isEqualTo(
              "Provider sandbox listening on http://127.0.0.1:"
                  + state.get("port").asInt()
                  + " (seed 9)");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).startsWith("{\"object\":\"page\"");
    } finally {
      process.destroy();
    }

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(143);
    assertThat(stateFile).doesNotExist();
  }

  @Test
  void badFlagExitsWithMessage() throws Exception {
    Process process = start("--port", "http");

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(errors.strip())
        .isEqualTo(
            "reckon-provider-sandbox: invalid value for --port: 'http' is not a port number from"
                + " 0 to 65535");
  }

  @Test
  void helpPrintsUsageAndExitsZero() throws Exception {
    Process process = start("--help");

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).isZero();
    assertThat(output.strip()).isEqualTo(SandboxOptions.USAGE);
  }

  private static Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
  }

  private static JsonNode awaitStateFile(Path stateFile, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(stateFile)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("the sandbox wrote no state file; exit " + !process.isAlive());
      }
      Thread.sleep(50);
    }
    return SandboxHttp.JSON.readTree(stateFile.toFile());
  }

  private static String firstLine(Process process) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    return reader.readLine();
  }

  private static HttpResponse<String> get(String url, String key) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + key)
            .timeout(Duration.ofSeconds(30))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
