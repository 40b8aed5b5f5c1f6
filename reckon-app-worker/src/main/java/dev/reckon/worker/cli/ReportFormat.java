package dev.reckon.worker.cli;

import java.util.Locale;

/** Output format of {@code reckon report}. */
enum ReportFormat {
  TABLE,
  JSON,
  CSV;

  static ReportFormat fromId(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown format '" + text + "': expected one of table, json, csv");
    }
  }
}
