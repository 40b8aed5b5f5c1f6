package dev.reckon.domain.usage;

/** What a provider endpoint reports: token usage or billed cost. Each has its own watermark. */
public enum Dataset {
  USAGE("usage"),
  COST("cost");

  private final String id;

  Dataset(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
