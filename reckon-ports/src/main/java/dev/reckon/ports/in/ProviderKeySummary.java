package dev.reckon.ports.in;

import dev.reckon.domain.key.KeyHint;
import dev.reckon.domain.key.ProviderKeyStatus;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.out.ProviderKeyRecord;
import java.time.Instant;

/**
 * The member-visible view of a stored provider key: everything but the sealed envelope. {@code
 * attentionReason} and {@code lastSuccessAt} are null when not applicable.
 */
public record ProviderKeySummary(
    ProviderKeyId id,
    Provider provider,
    String label,
    KeyHint hint,
    ProviderKeyStatus status,
    String attentionReason,
    Instant lastSuccessAt,
    String createdBy,
    Instant createdAt) {

  public static ProviderKeySummary from(ProviderKeyRecord key) {
    return new ProviderKeySummary(
        key.id(),
        key.provider(),
        key.label(),
        key.hint(),
        key.status(),
        key.attentionReason(),
        key.lastSuccessAt(),
        key.createdBy(),
        key.createdAt());
  }
}
