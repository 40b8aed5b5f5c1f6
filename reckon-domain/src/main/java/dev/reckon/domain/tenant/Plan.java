package dev.reckon.domain.tenant;

import java.util.Locale;

/** A billing plan and how many days of usage it keeps. */
public enum Plan {
  FREE("free", 30),
  PRO("pro", 365);

  private final String id;
  private final int retentionDays;

  Plan(String id, int retentionDays) {
    this.id = id;
    this.retentionDays = retentionDays;
  }

  public String id() {
    return id;
  }

  /** Returns how many days of usage and cost history the plan keeps and backfills. */
  public int retentionDays() {
    return retentionDays;
  }

  public static Plan fromId(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (Plan plan : values()) {
      if (plan.id.equals(wanted)) {
        return plan;
      }
    }
    throw new IllegalArgumentException("unknown plan '" + text + "': expected free or pro");
  }
}
