package dev.reckon.ports.out;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import java.util.Objects;

/** Ids of one provider key and its organization, with nothing else about either. */
public record KeyRef(OrgId orgId, ProviderKeyId keyId) {

  public KeyRef {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
  }
}
