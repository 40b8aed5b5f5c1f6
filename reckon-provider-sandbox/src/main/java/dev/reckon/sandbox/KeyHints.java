package dev.reckon.sandbox;

/** Shortens a presented key for messages and logs: never more than its last four characters. */
final class KeyHints {

  private KeyHints() {}

  static String lastFour(String key) {
    if (key.length() < 8) {
      return "...";
    }
    return "..." + key.substring(key.length() - 4);
  }
}
