package dev.reckon.worker.cli;

import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.KeyHealthUseCase;
import dev.reckon.ports.out.KeyHealth;
import dev.reckon.ports.out.ProviderKeyRecord;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code reckon worker status}: how polling of each key of an organization goes. */
@Command(
    name = "status",
    description =
        "Show per key: last success, lag, next run, consecutive failures and open dead letters.")
final class WorkerStatusCommand implements Callable<Integer> {

  @ParentCommand private WorkerCommand worker;

  @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug.")
  private String org;

  @Override
  public Integer call() {
    ReckonCommand parent = worker.parent();
    Organization organization = OrgArgument.resolve(parent.services().organizations(), org);
    List<ProviderKeyRecord> keys = parent.services().webKeys().list(organization.id());
    PrintStream out = parent.out();
    if (keys.isEmpty()) {
      out.printf("No provider keys in %s; add one with ./reckon keys add%n", org);
      return 0;
    }
    KeyHealthUseCase health = parent.services().keyHealth();
    out.printf(
        "%-36s  %-9s  %-15s  %-20s  %-8s  %-20s  %-8s  %s%n",
        "ID", "PROVIDER", "STATUS", "LAST SUCCESS", "LAG", "NEXT RUN", "FAILURES", "DEAD LETTERS");
    for (ProviderKeyRecord key : keys) {
      KeyHealthUseCase.Report report = health.health(organization.id(), key.id());
      KeyHealth state = report.health();
      out.printf(
          "%-36s  %-9s  %-15s  %-20s  %-8s  %-20s  %-8d  %d%n",
          key.id(),
          key.provider().id(),
          key.status().id(),
          time(state.lastSuccessAt()),
          lag(report.lag()),
          time(state.nextRunAt()),
          state.consecutiveFailures(),
          state.openDeadLetters());
    }
    return 0;
  }

  private static String time(Instant instant) {
    return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String lag(Duration lag) {
    if (lag == null) {
      return "-";
    }
    long minutes = lag.toMinutes();
    return minutes < 120 ? minutes + "m" : lag.toHours() + "h";
  }
}
