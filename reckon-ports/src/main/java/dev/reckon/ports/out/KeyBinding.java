package dev.reckon.ports.out;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import java.util.Objects;

/**
 * The row a sealed key belongs to. Sealing binds these values into the ciphertext as associated
 * data, so a sealed key moved to another organization, key id or provider no longer opens.
 */
public record KeyBinding(OrgId orgId, ProviderKeyId keyId, Provider provider) {

  public KeyBinding {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(provider, "provider");
  }
}
