package dev.reckon.domain.shared;

import java.util.Objects;
import java.util.UUID;

/** Internal identifier of a Reckon organization, the tenant every stored row belongs to. */
public record OrgId(UUID value) {

  public OrgId {
    Objects.requireNonNull(value, "value");
  }

  /** Parses a UUID string, rejecting anything else with a message that names the value. */
  public static OrgId parse(String text) {
    return new OrgId(Ids.parseUuid("organization id", text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
