package dev.reckon.ports.service;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.tenant.Plan;
import dev.reckon.ports.in.ClerkOrganization;
import dev.reckon.ports.in.ResolveOrganizationUseCase;
import dev.reckon.ports.out.IdGenerator;
import dev.reckon.ports.out.OrganizationRepository;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the organization linked to a Clerk organization, or creates it on the Free plan in UTC,
 * named after its slug.
 */
public final class ResolveOrganizationService implements ResolveOrganizationUseCase {

  private static final int MAX_SLUG_LENGTH = 63;

  private final OrganizationRepository organizations;
  private final IdGenerator ids;

  public ResolveOrganizationService(OrganizationRepository organizations, IdGenerator ids) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  @Override
  public Organization resolve(ClerkOrganization clerkOrganization) {
    Objects.requireNonNull(clerkOrganization, "clerkOrganization");
    Optional<Organization> existing = findLinked(clerkOrganization);
    if (existing.isPresent()) {
      return existing.get();
    }

    OrgId id = new OrgId(ids.newId());
    for (OrgSlug slug : candidateSlugs(clerkOrganization, id)) {
      if (organizations.findIdBySlug(slug).isPresent()) {
        continue;
      }
      Organization created = new Organization(id, slug, slug.value(), Plan.FREE, ZoneId.of("UTC"));
      try {
        organizations.insertForClerk(created, clerkOrganization.clerkOrgId());
        return created;
      } catch (IllegalStateException e) {
        // A concurrent request for the same Clerk organization inserted it first, or another
        // organization took the slug since the check: the first case resolves here, the second
        // moves on to the next slug.
        existing = findLinked(clerkOrganization);
        if (existing.isPresent()) {
          return existing.get();
        }
      }
    }
    throw new IllegalStateException(
        "failed to create an organization for Clerk organization "
            + clerkOrganization.clerkOrgId()
            + ": every candidate slug is taken");
  }

  private Optional<Organization> findLinked(ClerkOrganization clerkOrganization) {
    return organizations
        .findIdByClerkOrgId(clerkOrganization.clerkOrgId())
        .flatMap(organizations::find);
  }

  /**
   * Returns the Clerk slug when it is a valid Reckon slug, then one derived from the Clerk id, then
   * that one with a part of the new organization id, unique unless the database already contains
   * it.
   */
  private static List<OrgSlug> candidateSlugs(ClerkOrganization clerkOrganization, OrgId id) {
    List<OrgSlug> slugs = new ArrayList<>();
    if (clerkOrganization.slug() != null) {
      try {
        slugs.add(new OrgSlug(clerkOrganization.slug()));
      } catch (IllegalArgumentException invalid) {
        // Clerk allows slugs Reckon does not, such as upper-case letters: fall back to the id.
      }
    }
    String suffix =
        clerkOrganization
            .clerkOrgId()
            .substring("org_".length())
            .toLowerCase(Locale.ROOT)
            .replace('_', '-');
    String derived = truncate("org-" + suffix, MAX_SLUG_LENGTH);
    slugs.add(new OrgSlug(derived));
    String unique = id.value().toString().substring(0, 8);
    slugs.add(new OrgSlug(truncate(derived, MAX_SLUG_LENGTH - 9) + "-" + unique));
    return slugs;
  }

  private static String truncate(String text, int maxLength) {
    return text.length() <= maxLength ? text : text.substring(0, maxLength);
  }
}
