package dev.reckon.domain.usage;

import java.util.Objects;

/**
 * A human name a provider gives one of the ids seen in usage data: a project, workspace or API key.
 * Names are display only; usage stays keyed by id.
 */
public record EntityName(Kind kind, String externalId, String name) {

  public EntityName {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(name, "name");
  }

  /** The kind of entity the named id identifies. */
  public enum Kind {
    PROJECT,
    API_KEY
  }
}
