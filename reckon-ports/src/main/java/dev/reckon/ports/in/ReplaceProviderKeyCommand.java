package dev.reckon.ports.in;

import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import java.util.Objects;

/**
 * Request to replace a stored provider key's secret. A class rather than a record so that the key
 * never appears in a generated {@code toString}.
 */
public final class ReplaceProviderKeyCommand {

  private final OrgId orgId;
  private final ProviderKeyId keyId;
  private final SecretBytes key;

  public ReplaceProviderKeyCommand(OrgId orgId, ProviderKeyId keyId, SecretBytes key) {
    this.orgId = Objects.requireNonNull(orgId, "orgId");
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    this.key = Objects.requireNonNull(key, "key");
  }

  public OrgId orgId() {
    return orgId;
  }

  public ProviderKeyId keyId() {
    return keyId;
  }

  public SecretBytes key() {
    return key;
  }

  @Override
  public String toString() {
    return "ReplaceProviderKeyCommand[org=" + orgId + ", key=" + keyId + "]";
  }
}
