package dev.reckon.domain.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The dimension a spend report is grouped by. */
public enum GroupBy {
  DAY("day"),
  MODEL("model"),
  PROVIDER("provider"),
  API_KEY("api-key"),
  PROJECT("project");

  private final String id;

  GroupBy(String id) {
    this.id = id;
  }

  /** Returns the name used on the command line, in the API and as the JSON field of a row. */
  public String id() {
    return id;
  }

  public static GroupBy fromId(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (GroupBy groupBy : values()) {
      if (groupBy.id.equals(wanted)) {
        return groupBy;
      }
    }
    throw new IllegalArgumentException(
        "unknown group-by '"
            + text
            + "': expected one of "
            + Arrays.stream(values()).map(GroupBy::id).collect(Collectors.joining(", ")));
  }
}
