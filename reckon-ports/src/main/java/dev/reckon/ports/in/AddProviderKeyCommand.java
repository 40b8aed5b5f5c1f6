package dev.reckon.ports.in;

import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import java.util.Objects;

/**
 * Request to add a provider key. A class rather than a record so that the key never appears in a
 * generated {@code toString}.
 */
public final class AddProviderKeyCommand {

  static final int MAX_LABEL_LENGTH = 100;

  private final OrgId orgId;
  private final Provider provider;
  private final String label;
  private final SecretBytes key;
  private final String createdBy;

  public AddProviderKeyCommand(
      OrgId orgId, Provider provider, String label, SecretBytes key, String createdBy) {
    this.orgId = Objects.requireNonNull(orgId, "orgId");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.key = Objects.requireNonNull(key, "key");
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(label, "label");
    String stripped = label.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_LABEL_LENGTH) {
      throw new IllegalArgumentException(
          "'label' must have 1 to "
              + MAX_LABEL_LENGTH
              + " characters (was "
              + stripped.length()
              + ")");
    }
    this.label = stripped;
  }

  public OrgId orgId() {
    return orgId;
  }

  public Provider provider() {
    return provider;
  }

  public String label() {
    return label;
  }

  public SecretBytes key() {
    return key;
  }

  public String createdBy() {
    return createdBy;
  }

  @Override
  public String toString() {
    return "AddProviderKeyCommand[org="
        + orgId
        + ", provider="
        + provider.id()
        + ", label="
        + label
        + "]";
  }
}
