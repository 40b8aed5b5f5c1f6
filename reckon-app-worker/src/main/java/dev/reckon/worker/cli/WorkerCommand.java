package dev.reckon.worker.cli;

import dev.reckon.adapter.sentry.ErrorReporting;
import dev.reckon.domain.shared.Provider;
import dev.reckon.ports.in.IngestionResult;
import dev.reckon.worker.Services;
import dev.reckon.worker.config.WorkerConfig;
import dev.reckon.worker.ingest.WorkerLoop;
import dev.reckon.worker.jobs.JobRunner;
import dev.reckon.worker.jobs.SentryJobScope;
import dev.reckon.worker.jobs.StopSignals;
import dev.reckon.worker.metrics.MetricsServer;
import dev.reckon.worker.metrics.WorkerMetrics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code reckon worker}: runs the scheduled jobs (ingestion of every key, retention, deletion) with
 * the other workers sharing the database, until SIGTERM or SIGINT.
 */
@Command(
    name = "worker",
    description = {
      "Run the scheduled jobs until stopped: poll every active provider key every",
      "RECKON_POLL_INTERVAL, prune expired usage daily and delete data on request.",
      "SIGTERM or Ctrl-C stops taking jobs and lets running ones finish within",
      "RECKON_WORKER_SHUTDOWN_GRACE, then exits 0."
    },
    subcommands = WorkerStatusCommand.class)
final class WorkerCommand implements Callable<Integer> {

  @ParentCommand private ReckonCommand parent;

  ReckonCommand parent() {
    return parent;
  }

  @Option(names = "--once", description = "Poll every key once, then exit.")
  private boolean once;

  @Override
  public Integer call() {
    Services services = parent.services();
    if (once) {
      WorkerLoop loop = services.workerLoop();
      List<WorkerLoop.KeyOutcome> outcomes = loop.runPass(new ProgressPrinter(parent.err()));
      long failed = outcomes.stream().filter(outcome -> outcome.error() != null).count();
      long rejected =
          outcomes.stream()
              .filter(outcome -> outcome.result() != null)
              .filter(outcome -> outcome.result().outcome() == IngestionResult.Outcome.KEY_REJECTED)
              .count();
      parent
          .out()
          .printf(
              "Polled %d keys: %d ingested, %d failed, %d rejected by the provider and now need"
                  + " attention%n",
              outcomes.size(), outcomes.size() - failed - rejected, failed, rejected);
      return failed == 0 && rejected == 0 ? 0 : 1;
    }
    WorkerConfig config = parent.config();
    WorkerMetrics metrics =
        new WorkerMetrics(
            Map.of(
                Provider.OPENAI, config.openAiBaseUrl(),
                Provider.ANTHROPIC, config.anthropicBaseUrl()));
    services.observeProviderCalls(metrics);
    CountDownLatch stop = new CountDownLatch(1);
    try (ErrorReporting reporting = ErrorReporting.start(config.sentry());
        MetricsServer metricsServer = startMetrics(config, metrics);
        JobRunner runner = services.jobRunner(new SentryJobScope(), metrics)) {
      StopSignals.onStop(stop::countDown);
      runner.start();
      parent
          .out()
          .printf(
              "Worker %s running; stop it with SIGTERM or Ctrl-C.%n", parent.config().workerName());
      stop.await();
      parent.out().println("Stopping: running jobs may finish, no new ones start.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    parent.out().println("Worker stopped.");
    return 0;
  }

  /** Serves the metrics on loopback when RECKON_WORKER_METRICS_PORT is set, else returns null. */
  private MetricsServer startMetrics(WorkerConfig config, WorkerMetrics metrics) {
    if (config.metricsPort() == 0) {
      return null;
    }
    MetricsServer server = MetricsServer.start("127.0.0.1", config.metricsPort(), metrics::render);
    parent.out().printf("Metrics on http://127.0.0.1:%d/metrics%n", server.port());
    return server;
  }
}
