package dev.reckon.web;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.NoSuchOrganizationException;
import dev.reckon.ports.in.RequestDataDeletionCommand;
import dev.reckon.ports.in.RequestDataDeletionUseCase;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records deletion requests of the organizations in {@link FakeOrganizations} when the typed slug
 * matches, and keeps the first request's time. Counts every call.
 */
final class FakeDataDeletion implements RequestDataDeletionUseCase {

  static final Instant FIRST_REQUEST = Instant.parse("2025-03-05T10:15:30Z");

  final Map<OrgId, Instant> requests = new ConcurrentHashMap<>();
  final AtomicInteger calls = new AtomicInteger();

  private final FakeOrganizations organizations;
  private volatile Instant now = FIRST_REQUEST;

  FakeDataDeletion(FakeOrganizations organizations) {
    this.organizations = organizations;
  }

  @Override
  public Outcome requestDeletion(RequestDataDeletionCommand command) {
    calls.incrementAndGet();
    Organization organization =
        organizations.byClerkId.values().stream()
            .filter(org -> org.id().equals(command.orgId()))
            .findFirst()
            .orElseThrow(() -> new NoSuchOrganizationException("organization not found"));
    if (!organization.slug().value().equals(command.confirmSlug())) {
      return new SlugMismatch(organization.slug());
    }
    return new Scheduled(requests.computeIfAbsent(command.orgId(), id -> now));
  }

  /** Moves the fake's clock, so that a repeated request can show it keeps the first time. */
  void advanceTo(Instant instant) {
    now = instant;
  }
}
