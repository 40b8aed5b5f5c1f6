package dev.reckon.worker.cli;

import dev.reckon.ports.in.IngestionProgress;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/** Prints ingestion progress as one line each time a key's dataset completes more days. */
final class ProgressPrinter implements IngestionProgress {

  private final PrintStream out;
  private final Map<String, Long> lastPrinted = new HashMap<>();

  ProgressPrinter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void report(Event event) {
    String line =
        event.provider().id() + " key " + event.hint().display() + " " + event.dataset().id();
    Long previous = lastPrinted.put(event.keyId() + line, event.daysDone());
    if (previous != null && previous == event.daysDone()) {
      return;
    }
    out.printf("  %-36s %4d/%d days%n", line, event.daysDone(), event.daysTotal());
  }
}
