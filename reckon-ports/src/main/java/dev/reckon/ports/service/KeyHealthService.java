package dev.reckon.ports.service;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.in.KeyHealthUseCase;
import dev.reckon.ports.in.NoSuchDeadLetterException;
import dev.reckon.ports.in.NoSuchProviderKeyException;
import dev.reckon.ports.out.DeadLetter;
import dev.reckon.ports.out.DeadLetterRepository;
import dev.reckon.ports.out.KeyHealth;
import dev.reckon.ports.out.ProviderKeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/** Reads a key's health from its stored run state and dead letters. */
public final class KeyHealthService implements KeyHealthUseCase {

  private final ProviderKeyRepository keys;
  private final DeadLetterRepository deadLetters;
  private final Clock clock;

  public KeyHealthService(
      ProviderKeyRepository keys, DeadLetterRepository deadLetters, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Report health(OrgId orgId, ProviderKeyId keyId) {
    KeyHealth health =
        keys.health(orgId, keyId)
            .orElseThrow(
                () -> new NoSuchProviderKeyException("provider key " + keyId + " not found"));
    Duration lag =
        health.lastSuccessAt() == null
            ? null
            : Duration.between(health.lastSuccessAt(), clock.instant());
    return new Report(keyId, health, lag, deadLetters.list(orgId, keyId));
  }

  @Override
  public void retry(OrgId orgId, UUID deadLetterId) {
    DeadLetter letter =
        deadLetters
            .find(orgId, deadLetterId)
            .filter(DeadLetter::open)
            .orElseThrow(
                () -> new NoSuchDeadLetterException("dead letter " + deadLetterId + " not found"));
    if (letter.retryRequestedAt() == null) {
      deadLetters.requestRetry(orgId, deadLetterId, clock.instant());
    }
  }
}
