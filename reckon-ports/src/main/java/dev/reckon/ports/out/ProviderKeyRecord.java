package dev.reckon.ports.out;

import dev.reckon.domain.key.KeyHint;
import dev.reckon.domain.key.ProviderKeyStatus;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored provider key: its metadata and sealed envelope. {@code attentionReason} is null unless
 * the status is needs-attention; {@code lastSuccessAt} is null until the first successful poll.
 */
public record ProviderKeyRecord(
    ProviderKeyId id,
    OrgId orgId,
    Provider provider,
    String label,
    KeyHint hint,
    ProviderKeyStatus status,
    String attentionReason,
    SealedKey sealed,
    String createdBy,
    Instant createdAt,
    Instant lastSuccessAt) {

  public ProviderKeyRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(sealed, "sealed");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public KeyBinding binding() {
    return new KeyBinding(orgId, id, provider);
  }
}
