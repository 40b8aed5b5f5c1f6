package dev.reckon.ports.testing;

import dev.reckon.domain.key.KeyHint;
import dev.reckon.domain.key.ProviderKeyStatus;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.out.KeyHealth;
import dev.reckon.ports.out.KeyRef;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.out.ProviderKeyRepository;
import dev.reckon.ports.out.SealedKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ProviderKeyRepository} in memory, for tests. Thread-safe.
 *
 * <p>Like PostgreSQL it keeps times to the microsecond, truncated. Unlike the database it does not
 * check that the key's organization exists, and deleting a key leaves the watermarks an {@link
 * InMemoryUsageRepository} keeps for it.
 */
public final class InMemoryProviderKeyRepository implements ProviderKeyRepository {

  private final Map<KeyRef, ProviderKeyRecord> keys = new LinkedHashMap<>();
  private final Map<KeyRef, KeyHealth> health = new LinkedHashMap<>();

  @Override
  public synchronized void insert(ProviderKeyRecord key) {
    Objects.requireNonNull(key, "key");
    KeyRef ref = new KeyRef(key.orgId(), key.id());
    if (keys.containsKey(ref)) {
      throw new IllegalStateException("provider key " + key.id() + " already exists");
    }
    keys.put(ref, withTimes(key, micros(key.createdAt()), micros(key.lastSuccessAt())));
  }

  @Override
  public synchronized Optional<ProviderKeyRecord> find(OrgId orgId, ProviderKeyId keyId) {
    return Optional.ofNullable(keys.get(new KeyRef(orgId, keyId)));
  }

  @Override
  public synchronized List<ProviderKeyRecord> list(OrgId orgId) {
    Objects.requireNonNull(orgId, "orgId");
    return keys.values().stream()
        .filter(key -> key.orgId().equals(orgId))
        .sorted(
            Comparator.comparing(ProviderKeyRecord::createdAt)
                .thenComparing(key -> key.id().value().toString()))
        .toList();
  }

  @Override
  public synchronized void markNeedsAttention(OrgId orgId, ProviderKeyId keyId, String reason) {
    Objects.requireNonNull(reason, "reason");
    KeyRef ref = new KeyRef(orgId, keyId);
    ProviderKeyRecord key = keys.get(ref);
    if (key != null) {
      keys.put(
          ref, withState(key, key.hint(), ProviderKeyStatus.NEEDS_ATTENTION, reason, key.sealed()));
    }
  }

  @Override
  public synchronized void replaceSealed(
      OrgId orgId, ProviderKeyId keyId, SealedKey sealed, KeyHint hint) {
    Objects.requireNonNull(sealed, "sealed");
    Objects.requireNonNull(hint, "hint");
    KeyRef ref = new KeyRef(orgId, keyId);
    ProviderKeyRecord key = keys.get(ref);
    if (key != null) {
      keys.put(ref, withState(key, hint, ProviderKeyStatus.ACTIVE, null, sealed));
    }
  }

  @Override
  public synchronized boolean delete(OrgId orgId, ProviderKeyId keyId) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    return keys.remove(new KeyRef(orgId, keyId)) != null;
  }

  @Override
  public synchronized boolean swapSealed(
      OrgId orgId, ProviderKeyId keyId, SealedKey expected, SealedKey replacement) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(replacement, "replacement");
    KeyRef ref = new KeyRef(orgId, keyId);
    ProviderKeyRecord key = keys.get(ref);
    if (key == null || !key.sealed().equals(expected)) {
      return false;
    }
    keys.put(ref, withState(key, key.hint(), key.status(), key.attentionReason(), replacement));
    return true;
  }

  @Override
  public synchronized void recordRunState(
      OrgId orgId,
      ProviderKeyId keyId,
      int consecutiveFailures,
      Instant lastFailureAt,
      String lastErrorCategory,
      Instant nextRunAt) {
    KeyRef ref = new KeyRef(orgId, keyId);
    if (keys.containsKey(ref)) {
      KeyHealth before = health.get(ref);
      Instant failureAt = lastFailureAt;
      if (failureAt == null && before != null) {
        failureAt = before.lastFailureAt();
      }
      health.put(
          ref,
          new KeyHealth(null, consecutiveFailures, failureAt, lastErrorCategory, nextRunAt, 0));
    }
  }

  /** Returns the key's health. This fake keeps no dead letters, so their count is always 0. */
  @Override
  public synchronized Optional<KeyHealth> health(OrgId orgId, ProviderKeyId keyId) {
    KeyRef ref = new KeyRef(orgId, keyId);
    ProviderKeyRecord key = keys.get(ref);
    if (key == null) {
      return Optional.empty();
    }
    KeyHealth state = health.getOrDefault(ref, new KeyHealth(null, 0, null, null, null, 0));
    return Optional.of(
        new KeyHealth(
            key.lastSuccessAt(),
            state.consecutiveFailures(),
            state.lastFailureAt(),
            state.lastErrorCategory(),
            state.nextRunAt(),
            0));
  }

  @Override
  public synchronized void markPaused(OrgId orgId, ProviderKeyId keyId) {
    KeyRef ref = new KeyRef(orgId, keyId);
    ProviderKeyRecord key = keys.get(ref);
    if (key != null) {
      keys.put(ref, withState(key, key.hint(), ProviderKeyStatus.PAUSED, null, key.sealed()));
    }
  }

  @Override
  public synchronized void recordSuccess(OrgId orgId, ProviderKeyId keyId, Instant at) {
    Objects.requireNonNull(at, "at");
    KeyRef ref = new KeyRef(orgId, keyId);
    ProviderKeyRecord key = keys.get(ref);
    if (key != null) {
      keys.put(ref, withTimes(key, key.createdAt(), micros(at)));
    }
  }

  @Override
  public synchronized List<KeyRef> listActiveKeys() {
    return keys.values().stream()
        .filter(key -> key.status() == ProviderKeyStatus.ACTIVE)
        .map(key -> new KeyRef(key.orgId(), key.id()))
        .sorted(
            Comparator.comparing((KeyRef ref) -> ref.orgId().value().toString())
                .thenComparing(ref -> ref.keyId().value().toString()))
        .toList();
  }

  private static ProviderKeyRecord withTimes(
      ProviderKeyRecord key, Instant createdAt, Instant lastSuccessAt) {
    return new ProviderKeyRecord(
        key.id(),
        key.orgId(),
        key.provider(),
        key.label(),
        key.hint(),
        key.status(),
        key.attentionReason(),
        key.sealed(),
        key.createdBy(),
        createdAt,
        lastSuccessAt);
  }

  private static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** Returns a copy of {@code key} with another hint, status, attention reason and envelope. */
  private static ProviderKeyRecord withState(
      ProviderKeyRecord key,
      KeyHint hint,
      ProviderKeyStatus status,
      String attentionReason,
      SealedKey sealed) {
    return new ProviderKeyRecord(
        key.id(),
        key.orgId(),
        key.provider(),
        key.label(),
        hint,
        status,
        attentionReason,
        sealed,
        key.createdBy(),
        key.createdAt(),
        key.lastSuccessAt());
  }
}
