package dev.reckon.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.tenant.Plan;
import dev.reckon.ports.in.ClerkOrganization;
import dev.reckon.ports.out.OrganizationRepository;
import dev.reckon.ports.testing.InMemoryOrganizationRepository;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResolveOrganizationServiceTest {

  private static final UUID FIRST_ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
  private static final UUID SECOND_ID = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000002");
  private static final String CLERK_ID = "org_2AbC_xyz";

  private final InMemoryOrganizationRepository organizations = new InMemoryOrganizationRepository();
  private final Deque<UUID> ids = new ArrayDeque<>(List.of(FIRST_ID, SECOND_ID));

  @Test
  void resolveCreatesFreeUtcOrganizationWithClerkSlug() {
    ResolveOrganizationService service = service(organizations);

    Organization resolved = service.resolve(new ClerkOrganization(CLERK_ID, "acme"));

    assertThat(resolved)
        .isEqualTo(
            new Organization(
                new OrgId(FIRST_ID), new OrgSlug("acme"), "acme", Plan.FREE, ZoneId.of("UTC")));
    assertThat(organizations.findIdByClerkOrgId(CLERK_ID)).contains(new OrgId(FIRST_ID));
  }

  @Test
  void resolveReturnsLinkedOrganizationAgain() {
    ResolveOrganizationService service = service(organizations);
    Organization first = service.resolve(new ClerkOrganization(CLERK_ID, "acme"));

    Organization second = service.resolve(new ClerkOrganization(CLERK_ID, "renamed"));

    assertThat(second).isEqualTo(first);
    assertThat(organizations.findIdBySlug(new OrgSlug("renamed"))).isEmpty();
  }

  @Test
  void invalidClerkSlugFallsBackToId() {
    ResolveOrganizationService service = service(organizations);

    Organization resolved = service.resolve(new ClerkOrganization(CLERK_ID, "Acme Corp"));

    assertThat(resolved.slug()).isEqualTo(new OrgSlug("org-2abc-xyz"));
    assertThat(resolved.name()).isEqualTo("org-2abc-xyz");
  }

  @Test
  void missingClerkSlugFallsBackToId() {
    ResolveOrganizationService service = service(organizations);

    Organization resolved = service.resolve(new ClerkOrganization(CLERK_ID, null));

    assertThat(resolved.slug()).isEqualTo(new OrgSlug("org-2abc-xyz"));
  }

  @Test
  void takenClerkSlugFallsBackToId() {
    ResolveOrganizationService service = service(organizations);
    service.resolve(new ClerkOrganization("org_other", "acme"));

    Organization resolved = service.resolve(new ClerkOrganization(CLERK_ID, "acme"));

    assertThat(resolved.slug()).isEqualTo(new OrgSlug("org-2abc-xyz"));
    assertThat(resolved.id()).isEqualTo(new OrgId(SECOND_ID));
  }

  @Test
  void resolveAddsIdPartWhenDerivedSlugTaken() {
    ResolveOrganizationService service = service(organizations);
    service.resolve(new ClerkOrganization("org_other", "org-2abc-xyz"));

    Organization resolved = service.resolve(new ClerkOrganization(CLERK_ID, null));

    assertThat(resolved.slug()).isEqualTo(new OrgSlug("org-2abc-xyz-a1b2c3d4"));
  }

  @Test
  void resolveCutsDerivedSlugToMaximumLength() {
    ResolveOrganizationService service = service(organizations);
    String longId = "org_" + "A".repeat(64);

    Organization resolved = service.resolve(new ClerkOrganization(longId, null));

    assertThat(resolved.slug().value()).isEqualTo("org-" + "a".repeat(59));
  }

  @Test
  void resolveReturnsWinnerOfConcurrentInsert() {
    Organization winner =
        new Organization(
            new OrgId(UUID.randomUUID()),
            new OrgSlug("winner"),
            "winner",
            Plan.FREE,
            ZoneId.of("UTC"));
    OrganizationRepository racing =
        new RacingRepository(organizations, () -> organizations.insertForClerk(winner, CLERK_ID));

    Organization resolved = service(racing).resolve(new ClerkOrganization(CLERK_ID, "acme"));

    assertThat(resolved).isEqualTo(winner);
    assertThat(organizations.find(new OrgId(FIRST_ID))).isEmpty();
  }

  @Test
  void resolveMovesOnWhenSlugTakenConcurrently() {
    Organization thief =
        new Organization(
            new OrgId(UUID.randomUUID()), new OrgSlug("acme"), "acme", Plan.FREE, ZoneId.of("UTC"));
    OrganizationRepository racing =
        new RacingRepository(organizations, () -> organizations.insert(thief));

    Organization resolved = service(racing).resolve(new ClerkOrganization(CLERK_ID, "acme"));

    assertThat(resolved.slug()).isEqualTo(new OrgSlug("org-2abc-xyz"));
    assertThat(organizations.findIdByClerkOrgId(CLERK_ID)).contains(resolved.id());
  }

  private ResolveOrganizationService service(OrganizationRepository repository) {
    return new ResolveOrganizationService(repository, ids::removeFirst);
  }

  /** Runs a competing write just before the first Clerk insert, as a concurrent request would. */
  private static final class RacingRepository implements OrganizationRepository {

    private final OrganizationRepository delegate;
    private Runnable competitor;

    RacingRepository(OrganizationRepository delegate, Runnable competitor) {
      this.delegate = delegate;
      this.competitor = competitor;
    }

    @Override
    public void insertForClerk(Organization organization, String clerkOrgId) {
      if (competitor != null) {
        competitor.run();
        competitor = null;
      }
      delegate.insertForClerk(organization, clerkOrgId);
    }

    @Override
    public void insert(Organization organization) {
      delegate.insert(organization);
    }

    @Override
    public Optional<Organization> find(OrgId orgId) {
      return delegate.find(orgId);
    }

    @Override
    public Optional<OrgId> findIdBySlug(OrgSlug slug) {
      return delegate.findIdBySlug(slug);
    }

    @Override
    public List<OrgId> listIds() {
      return delegate.listIds();
    }

    @Override
    public Optional<OrgId> findIdByClerkOrgId(String clerkOrgId) {
      return delegate.findIdByClerkOrgId(clerkOrgId);
    }

    @Override
    public void update(Organization organization) {
      delegate.update(organization);
    }

    @Override
    public Optional<Instant> requestDeletion(OrgId orgId, Instant requestedAt) {
      return delegate.requestDeletion(orgId, requestedAt);
    }

    @Override
    public List<OrgId> listDeletionRequests() {
      return delegate.listDeletionRequests();
    }
  }
}
