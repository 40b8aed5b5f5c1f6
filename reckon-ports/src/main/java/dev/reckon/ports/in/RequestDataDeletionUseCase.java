package dev.reckon.ports.in;

import dev.reckon.domain.tenant.OrgSlug;
import java.time.Instant;
import java.util.Objects;

/**
 * Records an admin's request to delete every row of the organization, which a worker job then
 * carries out. The request cannot be withdrawn here.
 */
public interface RequestDataDeletionUseCase {

  /**
   * Records the request when {@code confirmSlug} equals the organization's slug exactly.
   * Idempotent: a repeated request succeeds and keeps the time of the first.
   *
   * @throws NoSuchOrganizationException when the organization does not exist
   */
  Outcome requestDeletion(RequestDataDeletionCommand command);

  /** Whether the request was recorded. */
  sealed interface Outcome permits Scheduled, SlugMismatch {}

  /**
   * The request is recorded.
   *
   * @param requestedAt the time of the first request, which a repeated request keeps
   */
  record Scheduled(Instant requestedAt) implements Outcome {

    public Scheduled {
      Objects.requireNonNull(requestedAt, "requestedAt");
    }
  }

  /**
   * Nothing was recorded because the typed slug differs from the organization's.
   *
   * @param expected the organization's slug, which the admin has to type
   */
  record SlugMismatch(OrgSlug expected) implements Outcome {

    public SlugMismatch {
      Objects.requireNonNull(expected, "expected");
    }
  }
}
