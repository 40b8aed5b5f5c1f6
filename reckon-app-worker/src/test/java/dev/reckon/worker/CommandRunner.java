package dev.reckon.worker;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code reckon} commands in-process against a test database, capturing their output. */
final class CommandRunner {

  private final Map<String, String> env = new HashMap<>();
  private final Clock clock;

  CommandRunner(TestDatabase database, Path stateDir, Clock clock) {
    this(database, stateDir, clock, Map.of());
  }

  CommandRunner(TestDatabase database, Path stateDir, Clock clock, Map<String, String> extraEnv) {
    this.clock = clock;
    env.put("RECKON_ENV", "test");
    env.put("RECKON_DATABASE_HOST", database.settings().host());
    env.put("RECKON_DATABASE_PORT", Integer.toString(database.settings().port()));
    env.put("RECKON_DATABASE_NAME", database.settings().database());
    env.put("RECKON_DB_OWNER_USER", database.roles().owner());
    env.put("RECKON_DB_WEB_USER", database.roles().web());
    env.put("RECKON_DB_WORKER_USER", database.roles().worker());
    env.put("RECKON_MASTER_KEY_FILE", stateDir.resolve("master-key").toString());
    env.putAll(extraEnv);
  }

  Result runWithInput(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode =
        WorkerMain.run(
            args,
            env,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            config -> new Services(config, clock));
    return new Result(
        exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Returns the environment the commands run with. */
  Map<String, String> env() {
    return Map.copyOf(env);
  }

  Result run(String... args) {
    return runWithInput("", args);
  }

  /** Exit code and captured output of one command. */
  record Result(int exitCode, String out, String err) {}
}
