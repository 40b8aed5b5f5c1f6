package dev.reckon.worker.cli;

import dev.reckon.worker.Services;
import dev.reckon.worker.config.WorkerConfig;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code reckon} command and its subcommands. */
@Command(
    name = "reckon",
    mixinStandardHelpOptions = true,
    // Every subcommand inherits --help and --version.
    scope = CommandLine.ScopeType.INHERIT,
    version = "reckon 0.1.0",
    description = "AI provider spend from the providers' admin usage and cost APIs.",
    subcommands = {
      MigrateCommand.class,
      OrgsCommand.class,
      KeysCommand.class,
      ReportCommand.class,
      WorkerCommand.class,
      DemoCommand.class
    })
public final class ReckonCommand implements Runnable {

  private final WorkerConfig config;
  private final Function<WorkerConfig, Services> servicesFactory;
  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private Services services;

  public ReckonCommand(
      WorkerConfig config,
      Function<WorkerConfig, Services> servicesFactory,
      InputStream in,
      PrintStream out,
      PrintStream err) {
    this.config = config;
    this.servicesFactory = servicesFactory;
    this.in = in;
    this.out = out;
    this.err = err;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(out);
  }

  WorkerConfig config() {
    return config;
  }

  /** Returns the services, built on first use so that {@code --help} needs no database. */
  Services services() {
    if (services == null) {
      services = servicesFactory.apply(config);
    }
    return services;
  }

  /** Replaces the configuration, for the demo, which points provider calls at the sandbox. */
  Services services(WorkerConfig changed) {
    if (services == null) {
      services = servicesFactory.apply(changed);
    }
    return services;
  }

  /** Closes connection pools and clients; safe to call more than once. */
  public void closeServicesQuietly() {
    if (services != null) {
      services.close();
      services = null;
    }
  }

  InputStream in() {
    return in;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }
}
