package dev.reckon.domain.shared;

import java.util.UUID;

final class Ids {

  private Ids() {}

  static UUID parseUuid(String what, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(what + " is missing: expected a UUID");
    }
    try {
      return UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          what
              + " '"
              + text
              + "' is invalid: expected a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e");
    }
  }
}
