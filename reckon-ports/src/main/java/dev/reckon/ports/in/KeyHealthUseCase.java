package dev.reckon.ports.in;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.out.DeadLetter;
import dev.reckon.ports.out.KeyHealth;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Reports how polling of a key goes, and lets an admin retry a dead letter. */
public interface KeyHealthUseCase {

  /**
   * Returns the key's health with its lag and dead letters.
   *
   * @throws NoSuchProviderKeyException when the key does not exist in the organization
   */
  Report health(OrgId orgId, ProviderKeyId keyId);

  /**
   * Asks the worker to run the dead letter's job again soon. Idempotent while the retry is pending.
   *
   * @throws NoSuchDeadLetterException when no open dead letter of the organization has this id
   */
  void retry(OrgId orgId, UUID deadLetterId);

  /**
   * A key's health.
   *
   * @param lag how far the stored data is behind now: the time since the last successful run, or
   *     null when it never succeeded
   */
  record Report(ProviderKeyId keyId, KeyHealth health, Duration lag, List<DeadLetter> deadLetters) {

    public Report {
      deadLetters = List.copyOf(deadLetters);
    }
  }
}
