package dev.reckon.ports.testing;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.tenant.Plan;
import dev.reckon.ports.out.OrganizationRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An {@link OrganizationRepository} in memory, for tests. Thread-safe. */
public final class InMemoryOrganizationRepository implements OrganizationRepository {

  private final Map<OrgId, Organization> byId = new LinkedHashMap<>();
  private final Map<String, OrgId> byClerkOrgId = new HashMap<>();
  private final Map<OrgId, Instant> deletionRequests = new HashMap<>();

  @Override
  public synchronized void insert(Organization organization) {
    Objects.requireNonNull(organization, "organization");
    if (byId.containsKey(organization.id())) {
      throw new IllegalStateException("organization " + organization.id() + " already exists");
    }
    if (findIdBySlug(organization.slug()).isPresent()) {
      throw new IllegalStateException(
          "organization slug '" + organization.slug() + "' is already taken");
    }
    byId.put(organization.id(), organization);
  }

  @Override
  public synchronized Optional<Organization> find(OrgId orgId) {
    Objects.requireNonNull(orgId, "orgId");
    return Optional.ofNullable(byId.get(orgId));
  }

  @Override
  public synchronized List<OrgId> listIds() {
    return List.copyOf(byId.keySet());
  }

  @Override
  public synchronized Optional<OrgId> findIdBySlug(OrgSlug slug) {
    Objects.requireNonNull(slug, "slug");
    return byId.values().stream()
        .filter(organization -> organization.slug().equals(slug))
        .map(Organization::id)
        .findFirst();
  }

  @Override
  public synchronized Optional<OrgId> findIdByClerkOrgId(String clerkOrgId) {
    Objects.requireNonNull(clerkOrgId, "clerkOrgId");
    return Optional.ofNullable(byClerkOrgId.get(clerkOrgId));
  }

  @Override
  public synchronized void insertForClerk(Organization organization, String clerkOrgId) {
    Objects.requireNonNull(clerkOrgId, "clerkOrgId");
    if (byClerkOrgId.containsKey(clerkOrgId)) {
      throw new IllegalStateException(
          "Clerk organization " + clerkOrgId + " is already linked to an organization");
    }
    insert(organization);
    byClerkOrgId.put(clerkOrgId, organization.id());
  }

  @Override
  public synchronized void update(Organization organization) {
    Objects.requireNonNull(organization, "organization");
    Organization stored = byId.get(organization.id());
    if (stored != null) {
      byId.put(
          stored.id(),
          new Organization(
              stored.id(),
              stored.slug(),
              organization.name(),
              stored.plan(),
              organization.timeZone()));
    }
  }

  @Override
  public synchronized Optional<Instant> requestDeletion(OrgId orgId, Instant requestedAt) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(requestedAt, "requestedAt");
    if (!byId.containsKey(orgId)) {
      return Optional.empty();
    }
    return Optional.of(deletionRequests.computeIfAbsent(orgId, id -> requestedAt));
  }

  @Override
  public synchronized List<OrgId> listDeletionRequests() {
    return deletionRequests.entrySet().stream()
        .sorted(
            Map.Entry.<OrgId, Instant>comparingByValue()
                .thenComparing(entry -> entry.getKey().value()))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Moves an organization to another plan, as billing would; for tests of plan changes. */
  public synchronized void changePlan(OrgId orgId, Plan plan) {
    Organization stored = byId.get(orgId);
    if (stored == null) {
      throw new IllegalArgumentException("organization " + orgId + " does not exist");
    }
    byId.put(orgId, new Organization(orgId, stored.slug(), stored.name(), plan, stored.timeZone()));
  }

  /**
   * Deletes an organization with its Clerk link and deletion request, as the last step of a data
   * deletion does.
   *
   * @return whether the organization existed
   */
  public synchronized boolean remove(OrgId orgId) {
    Objects.requireNonNull(orgId, "orgId");
    byClerkOrgId.values().remove(orgId);
    deletionRequests.remove(orgId);
    return byId.remove(orgId) != null;
  }
}
