package dev.reckon.ports.in;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import java.util.Objects;

/** Request to ingest one provider key, with a listener for progress lines. */
public record IngestCommand(OrgId orgId, ProviderKeyId keyId, IngestionProgress progress) {

  public IngestCommand {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(progress, "progress");
  }
}
