package dev.reckon.ports.out;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.domain.shared.TimeWindow;
import java.util.Objects;

/** One provider key's data within one time window: the unit ingestion replaces atomically. */
public record WindowScope(OrgId orgId, ProviderKeyId keyId, Provider provider, TimeWindow window) {

  public WindowScope {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(window, "window");
  }
}
