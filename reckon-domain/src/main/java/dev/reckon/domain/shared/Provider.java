package dev.reckon.domain.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An AI provider whose admin usage and cost APIs Reckon reads. */
public enum Provider {
  OPENAI("openai"),
  ANTHROPIC("anthropic");

  private final String id;

  Provider(String id) {
    this.id = id;
  }

  /** Returns the lower-case name used in configuration, the database and reports. */
  public String id() {
    return id;
  }

  /** Parses a provider name such as {@code openai}, naming the accepted values on failure. */
  public static Provider fromId(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (Provider provider : values()) {
      if (provider.id.equals(wanted)) {
        return provider;
      }
    }
    throw new IllegalArgumentException(
        "unknown provider '" + text + "': expected one of " + idList());
  }

  /** Returns the accepted names separated by commas, for help and error text. */
  public static String idList() {
    return Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(", "));
  }
}
