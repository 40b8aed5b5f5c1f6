package dev.reckon.web;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.tenant.Plan;
import dev.reckon.ports.in.ClerkOrganization;
import dev.reckon.ports.in.NoSuchOrganizationException;
import dev.reckon.ports.in.ResolveOrganizationUseCase;
import dev.reckon.ports.in.UpdateOrganizationUseCase;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Two organizations, A and B, kept in memory; counts resolutions and updates. */
final class FakeOrganizations implements ResolveOrganizationUseCase, UpdateOrganizationUseCase {

  static final String CLERK_A = "org_A1";
  static final String CLERK_B = "org_B2";
  static final OrgId ORG_A = new OrgId(UUID.fromString("aaaaaaaa-0000-4000-8000-000000000001"));
  static final OrgId ORG_B = new OrgId(UUID.fromString("bbbbbbbb-0000-4000-8000-000000000002"));

  final Map<String, Organization> byClerkId = new ConcurrentHashMap<>();
  final AtomicInteger resolutions = new AtomicInteger();
  final AtomicInteger updates = new AtomicInteger();

  FakeOrganizations() {
    byClerkId.put(CLERK_A, organization(ORG_A, "acme", "Acme", "Europe/Berlin"));
    byClerkId.put(CLERK_B, organization(ORG_B, "globex", "Globex", "UTC"));
  }

  @Override
  public Organization resolve(ClerkOrganization clerkOrganization) {
    resolutions.incrementAndGet();
    return byClerkId.get(clerkOrganization.clerkOrgId());
  }

  @Override
  public Organization update(OrgId orgId, Optional<String> name, Optional<ZoneId> timeZone) {
    updates.incrementAndGet();
    for (Map.Entry<String, Organization> entry : byClerkId.entrySet()) {
      Organization org = entry.getValue();
      if (org.id().equals(orgId)) {
        Organization updated =
            new Organization(
                org.id(),
                org.slug(),
                name.orElse(org.name()),
                org.plan(),
                timeZone.orElse(org.timeZone()));
        entry.setValue(updated);
        return updated;
      }
    }
    throw new NoSuchOrganizationException("organization " + orgId + " not found");
  }

  Organization get(String clerkId) {
    return byClerkId.get(clerkId);
  }

  private static Organization organization(OrgId id, String slug, String name, String zone) {
    return new Organization(id, new OrgSlug(slug), name, Plan.FREE, ZoneId.of(zone));
  }
}
