package dev.reckon.domain.shared;

import java.util.Objects;
import java.util.UUID;

/** Internal identifier of one stored provider admin key. */
public record ProviderKeyId(UUID value) {

  public ProviderKeyId {
    Objects.requireNonNull(value, "value");
  }

  /** Parses a UUID string, rejecting anything else with a message that names the value. */
  public static ProviderKeyId parse(String text) {
    return new ProviderKeyId(Ids.parseUuid("provider key id", text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
