package dev.reckon.worker;

import dev.reckon.worker.cli.ReckonCommand;
import dev.reckon.worker.config.WorkerConfig;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/** Entry point of the worker JAR: the worker itself and the command-line tools. */
public final class WorkerMain {

  private WorkerMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.in, System.out, System.err));
  }

  /** Runs one command and returns its exit code: 0 success, 1 failure, 2 invalid usage. */
  public static int run(
      String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    return run(args, env, in, out, err, Services::new);
  }

  /** Runs one command with services built by the given factory, for tests. */
  public static int run(
      String[] args,
      Map<String, String> env,
      InputStream in,
      PrintStream out,
      PrintStream err,
      Function<WorkerConfig, Services> services) {
    ReckonCommand root;
    try {
      root = new ReckonCommand(WorkerConfig.fromEnvironment(env), services, in, out, err);
    } catch (RuntimeException e) {
      err.println("reckon: " + ErrorMessages.describe(e));
      return 1;
    }
    CommandLine commandLine =
        new CommandLine(root)
            .setOut(new java.io.PrintWriter(out, true))
            .setErr(new java.io.PrintWriter(err, true))
            .setExecutionExceptionHandler(
                (exception, line, parseResult) -> {
                  err.println("reckon: " + ErrorMessages.describe(exception));
                  return 1;
                });
    try {
      return commandLine.execute(args);
    } finally {
      root.closeServicesQuietly();
    }
  }
}
