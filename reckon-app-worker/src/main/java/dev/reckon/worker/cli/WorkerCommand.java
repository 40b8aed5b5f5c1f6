package dev.reckon.worker.cli;

import dev.reckon.ports.in.IngestionResult;
import dev.reckon.worker.Services;
import dev.reckon.worker.ingest.WorkerLoop;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code reckon worker}: polls every active provider key on a schedule. */
@Command(
    name = "worker",
    description = "Poll every active provider key every RECKON_POLL_INTERVAL until stopped.")
final class WorkerCommand implements Callable<Integer> {

  @ParentCommand private ReckonCommand parent;

  @Option(names = "--once", description = "Poll every key once, then exit.")
  private boolean once;

  @Override
  public Integer call() {
    Services services = parent.services();
    WorkerLoop loop = services.workerLoop();
    if (once) {
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
    loop.runUntilInterrupted(parent.config().pollInterval(), new ProgressPrinter(parent.err()));
    return 0;
  }
}
