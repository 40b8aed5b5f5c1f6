package dev.reckon.web;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.in.KeyHealthUseCase;
import dev.reckon.ports.in.NoSuchDeadLetterException;
import dev.reckon.ports.in.NoSuchProviderKeyException;
import dev.reckon.ports.out.DeadLetter;
import dev.reckon.ports.out.KeyHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The health of {@link FakeProviderKeys#KEY_A} (org A, polled with failures and two dead letters)
 * and {@link FakeProviderKeys#KEY_B} (org B, never succeeded, one dead letter), kept in memory with
 * a fixed clock. Retries follow the real service: only an open letter of the caller's organization
 * is found, and a pending retry keeps its first time. Counts every call and records which
 * organizations each thread called {@link #health} for.
 */
final class FakeKeyHealth implements KeyHealthUseCase {

  static final Instant NOW = Instant.parse("2025-03-02T01:15:00Z");
  static final Instant LAST_SUCCESS_A = Instant.parse("2025-03-02T00:15:00Z");

  /** Open, of key A. Its message contains a key that the worker failed to scrub. */
  static final UUID LETTER_A = UUID.fromString("44444444-0000-4000-8000-00000000000d");

  /** Resolved, of key A. */
  static final UUID RESOLVED_LETTER_A = UUID.fromString("55555555-0000-4000-8000-00000000000e");

  /** Open, of key B in org B. */
  static final UUID LETTER_B = UUID.fromString("66666666-0000-4000-8000-00000000000f");

  static final String UNSCRUBBED_KEY = "sk-admin-FAKE-unscrubbed-Wq3Rt7Yu1Io5Pa9S";

  final Map<UUID, DeadLetter> letters = new ConcurrentHashMap<>();
  final List<UUID> retried = new CopyOnWriteArrayList<>();
  final AtomicInteger calls = new AtomicInteger();
  final Map<Thread, Set<OrgId>> organizationsByThread = new ConcurrentHashMap<>();

  private final Map<ProviderKeyId, OrgId> owners =
      Map.of(
          FakeProviderKeys.KEY_A, FakeOrganizations.ORG_A,
          FakeProviderKeys.KEY_B, FakeOrganizations.ORG_B);

  /** When set, {@link #health} throws an exception with this message and the key's id. */
  volatile String failureMessage;

  FakeKeyHealth() {
    add(
        new DeadLetter(
            LETTER_A,
            FakeOrganizations.ORG_A,
            FakeProviderKeys.KEY_A,
            "ingest-key",
            Instant.parse("2025-03-01T00:00:00Z"),
            Instant.parse("2025-03-02T00:00:00Z"),
            5,
            "provider_rejected",
            "openai: HTTP 401 for key " + UNSCRUBBED_KEY,
            Instant.parse("2025-03-02T00:40:00Z"),
            Instant.parse("2025-03-02T01:00:00Z"),
            null,
            null));
    add(
        new DeadLetter(
            RESOLVED_LETTER_A,
            FakeOrganizations.ORG_A,
            FakeProviderKeys.KEY_A,
            "ingest-key",
            null,
            null,
            3,
            "rate_limited",
            "openai: rate limited (HTTP 429)",
            Instant.parse("2025-02-20T08:00:00Z"),
            Instant.parse("2025-02-20T08:30:00Z"),
            Instant.parse("2025-02-20T09:00:00Z"),
            Instant.parse("2025-02-20T09:05:00Z")));
    add(
        new DeadLetter(
            LETTER_B,
            FakeOrganizations.ORG_B,
            FakeProviderKeys.KEY_B,
            "ingest-key",
            null,
            null,
            1,
            "sealed_key_invalid",
            "the sealed key cannot be opened",
            Instant.parse("2025-03-01T12:00:00Z"),
            Instant.parse("2025-03-01T12:00:00Z"),
            null,
            null));
  }

  @Override
  public Report health(OrgId orgId, ProviderKeyId keyId) {
    calls.incrementAndGet();
    organizationsByThread
        .computeIfAbsent(Thread.currentThread(), thread -> ConcurrentHashMap.newKeySet())
        .add(orgId);
    String failure = failureMessage;
    if (failure != null) {
      throw new IllegalStateException(failure + " (provider key " + keyId + ")");
    }
    if (!orgId.equals(owners.get(keyId))) {
      throw new NoSuchProviderKeyException("provider key " + keyId + " not found");
    }

    List<DeadLetter> ofKey =
        letters.values().stream()
            .filter(letter -> letter.keyId().equals(keyId))
            .sorted(Comparator.comparing(DeadLetter::lastFailureAt).reversed())
            .toList();
    int open = (int) ofKey.stream().filter(DeadLetter::open).count();
    if (keyId.equals(FakeProviderKeys.KEY_A)) {
      KeyHealth health =
          new KeyHealth(
              LAST_SUCCESS_A,
              2,
              Instant.parse("2025-03-02T01:00:00Z"),
              "provider_rejected",
              Instant.parse("2025-03-02T01:30:00Z"),
              open);
      return new Report(keyId, health, Duration.between(LAST_SUCCESS_A, NOW), ofKey);
    }
    return new Report(keyId, new KeyHealth(null, 0, null, null, null, open), null, ofKey);
  }

  @Override
  public void retry(OrgId orgId, UUID deadLetterId) {
    calls.incrementAndGet();
    DeadLetter letter = letters.get(deadLetterId);
    if (letter == null || !letter.orgId().equals(orgId) || !letter.open()) {
      throw new NoSuchDeadLetterException("dead letter " + deadLetterId + " not found");
    }
    if (letter.retryRequestedAt() == null) {
      letters.put(deadLetterId, withRetryRequested(letter, NOW));
    }
    retried.add(deadLetterId);
  }

  private void add(DeadLetter letter) {
    letters.put(letter.id(), letter);
  }

  private static DeadLetter withRetryRequested(DeadLetter letter, Instant at) {
    return new DeadLetter(
        letter.id(),
        letter.orgId(),
        letter.keyId(),
        letter.job(),
        letter.windowStart(),
        letter.windowEnd(),
        letter.attempts(),
        letter.errorCategory(),
        letter.errorMessage(),
        letter.firstFailureAt(),
        letter.lastFailureAt(),
        at,
        letter.resolvedAt());
  }
}
