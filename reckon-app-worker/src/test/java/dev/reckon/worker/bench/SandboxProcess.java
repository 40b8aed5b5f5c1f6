package dev.reckon.worker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reckon.domain.shared.Provider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provider sandbox in a JVM of its own, started from this class path, so that the benchmark
 * process's memory figures are the worker's alone. It listens on 127.0.0.1 and reports its request
 * count when stopped.
 */
final class SandboxProcess implements AutoCloseable {

  private static final Pattern STOPPED =
      Pattern.compile("Provider sandbox stopped after (\\d+) requests");
  private static final long START_TIMEOUT_MILLIS = 60_000;

  private final Process process;
  private final Path output;
  private final JsonNode state;

  /** A sandbox admin key and the provider that accepts it. */
  record AdminKey(Provider provider, String key) {

    @Override
    public String toString() {
      return provider.id() + " key …" + key.substring(key.length() - 4);
    }
  }

  private SandboxProcess(Process process, Path output, JsonNode state) {
    this.process = process;
    this.output = output;
    this.state = state;
  }

  /** Starts the sandbox with the latency and waits until it has written its state file. */
  static SandboxProcess start(int latencyMillis, Path directory) throws Exception {
    Path stateFile = directory.resolve("sandbox-state.json");
    Path output = directory.resolve("sandbox.out");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.reckon.sandbox.SandboxMain",
                "--port",
                "0",
                "--latency-ms",
                Integer.toString(latencyMillis),
                "--state-file",
                stateFile.toString())
            .redirectOutput(output.toFile())
            .redirectError(directory.resolve("sandbox.err").toFile())
            .start();
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (!Files.exists(stateFile) || Files.size(stateFile) == 0) {
      if (!process.isAlive() || System.currentTimeMillis() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "the provider sandbox did not start; see " + directory.resolve("sandbox.err"));
      }
      Thread.sleep(50);
    }
    return new SandboxProcess(process, output, new ObjectMapper().readTree(stateFile.toFile()));
  }

  String baseUrl(Provider provider) {
    return state.get(provider.id() + "_base_url").asText();
  }

  List<AdminKey> adminKeys() {
    List<AdminKey> keys = new ArrayList<>();
    for (JsonNode key : state.get("admin_keys")) {
      keys.add(
          new AdminKey(Provider.fromId(key.get("provider").asText()), key.get("key").asText()));
    }
    return keys;
  }

  /** Stops the sandbox with SIGTERM and returns how many requests it served. */
  long stop() throws Exception {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the provider sandbox did not stop within 30 seconds");
    }
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    Matcher stopped = STOPPED.matcher(printed);
    if (!stopped.find()) {
      throw new IllegalStateException(
          "the provider sandbox did not print its request count; its output was: " + printed);
    }
    return Long.parseLong(stopped.group(1));
  }

  @Override
  public void close() throws IOException {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
