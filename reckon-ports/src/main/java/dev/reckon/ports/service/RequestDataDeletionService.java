package dev.reckon.ports.service;

import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.NoSuchOrganizationException;
import dev.reckon.ports.in.RequestDataDeletionCommand;
import dev.reckon.ports.in.RequestDataDeletionUseCase;
import dev.reckon.ports.out.OrganizationRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Records a data deletion request once the admin typed the organization's slug exactly. */
public final class RequestDataDeletionService implements RequestDataDeletionUseCase {

  private final OrganizationRepository organizations;
  private final Clock clock;

  public RequestDataDeletionService(OrganizationRepository organizations, Clock clock) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Outcome requestDeletion(RequestDataDeletionCommand command) {
    Objects.requireNonNull(command, "command");
    Organization organization =
        organizations.find(command.orgId()).orElseThrow(() -> notFound(command));

    // Exact comparison, no trimming or case folding: the typed slug is a deliberate confirmation.
    if (!organization.slug().value().equals(command.confirmSlug())) {
      return new SlugMismatch(organization.slug());
    }

    Instant requestedAt =
        organizations
            .requestDeletion(command.orgId(), clock.instant())
            .orElseThrow(() -> notFound(command));
    return new Scheduled(requestedAt);
  }

  private static NoSuchOrganizationException notFound(RequestDataDeletionCommand command) {
    return new NoSuchOrganizationException("organization " + command.orgId() + " not found");
  }
}
