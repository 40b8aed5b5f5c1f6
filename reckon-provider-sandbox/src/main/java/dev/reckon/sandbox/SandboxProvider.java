package dev.reckon.sandbox;

/** A provider whose admin API the sandbox imitates. */
public enum SandboxProvider {
  OPENAI("openai"),
  ANTHROPIC("anthropic");

  private final String id;

  SandboxProvider(String id) {
    this.id = id;
  }

  /** Returns the lower-case identifier used in the state file, for example {@code openai}. */
  public String id() {
    return id;
  }
}
