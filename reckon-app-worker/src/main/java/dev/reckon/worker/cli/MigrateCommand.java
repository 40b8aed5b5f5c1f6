package dev.reckon.worker.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code reckon migrate}: creates the database and roles when missing and applies migrations. */
@Command(
    name = "migrate",
    description = {
      "Apply database migrations.",
      "In development, also create the database and its roles when they are missing."
    })
final class MigrateCommand implements Callable<Integer> {

  @ParentCommand private ReckonCommand parent;

  @Override
  public Integer call() {
    parent.services().migrate(parent.out());
    return 0;
  }
}
