package dev.reckon.ports.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.tenant.Plan;
import dev.reckon.ports.out.OrganizationRepository;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link OrganizationRepository} must have. */
public abstract class OrganizationRepositoryContract {

  private static final Instant REQUESTED_AT = Instant.parse("2026-04-01T09:30:00.123456Z");

  /** Returns the repository under test. Tests may call it several times. */
  protected abstract OrganizationRepository organizations();

  /**
   * Returns the repository as the worker uses it, for the cross-tenant reads only the worker may
   * make. The same repository unless an implementation separates the two.
   */
  protected OrganizationRepository workerOrganizations() {
    return organizations();
  }

  @Test
  void findReturnsInsertedOrganization() {
    Organization organization = Fixtures.organization(ZoneId.of("America/New_York"));

    organizations().insert(organization);

    assertThat(organizations().find(organization.id())).contains(organization);
  }

  @Test
  void findUnknownIdReturnsEmpty() {
    organizations().insert(Fixtures.organization());

    var found = organizations().find(new OrgId(UUID.randomUUID()));

    assertThat(found).isEmpty();
  }

  @Test
  void findIdBySlugReturnsId() {
    Organization organization = Fixtures.organization();
    organizations().insert(organization);

    var found = organizations().findIdBySlug(organization.slug());

    assertThat(found).contains(organization.id());
  }

  @Test
  void listIdsIncludesEveryOrganization() {
    Organization first = Fixtures.organization();
    Organization second = Fixtures.organization();
    organizations().insert(first);
    organizations().insert(second);

    var ids = organizations().listIds();

    assertThat(ids).contains(first.id(), second.id()).doesNotHaveDuplicates();
  }

  @Test
  void findIdBySlugUnknownReturnsEmpty() {
    OrgSlug unknown = new OrgSlug("unknown-" + UUID.randomUUID().toString().substring(0, 8));

    var found = organizations().findIdBySlug(unknown);

    assertThat(found).isEmpty();
  }

  @Test
  void insertRejectsTakenSlug() {
    Organization first = Fixtures.organization();
    organizations().insert(first);
    Organization second =
        new Organization(
            new OrgId(UUID.randomUUID()), first.slug(), "Other", Plan.FREE, ZoneId.of("UTC"));

    assertThatThrownBy(() -> organizations().insert(second))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("organization slug '" + first.slug() + "' is already taken");

    assertThat(organizations().find(second.id())).isEmpty();
  }

  @Test
  void insertRejectsExistingId() {
    Organization first = Fixtures.organization();
    organizations().insert(first);
    Organization sameId =
        new Organization(
            first.id(), Fixtures.organization().slug(), "Other", Plan.FREE, ZoneId.of("UTC"));

    assertThatThrownBy(() -> organizations().insert(sameId))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("organization " + first.id() + " already exists");

    assertThat(organizations().find(first.id())).contains(first);
  }

  @Test
  void clerkLookupFindsLinkedOrg() {
    Organization organization = Fixtures.organization();
    String clerkOrgId = newClerkOrgId();

    organizations().insertForClerk(organization, clerkOrgId);

    assertThat(organizations().findIdByClerkOrgId(clerkOrgId)).contains(organization.id());
    assertThat(organizations().find(organization.id())).contains(organization);
  }

  @Test
  void clerkLookupOfUnknownIsEmpty() {
    organizations().insertForClerk(Fixtures.organization(), newClerkOrgId());

    var found = organizations().findIdByClerkOrgId(newClerkOrgId());

    assertThat(found).isEmpty();
  }

  @Test
  void insertForClerkRejectsLinkedClerkOrgId() {
    Organization first = Fixtures.organization();
    String clerkOrgId = newClerkOrgId();
    organizations().insertForClerk(first, clerkOrgId);
    Organization second = Fixtures.organization();

    assertThatThrownBy(() -> organizations().insertForClerk(second, clerkOrgId))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Clerk organization " + clerkOrgId + " is already linked to an organization");

    assertThat(organizations().find(second.id())).isEmpty();
    assertThat(organizations().findIdByClerkOrgId(clerkOrgId)).contains(first.id());
  }

  @Test
  void insertForClerkRejectsTakenSlug() {
    Organization first = Fixtures.organization();
    organizations().insert(first);
    Organization second =
        new Organization(
            new OrgId(UUID.randomUUID()), first.slug(), "Other", Plan.FREE, ZoneId.of("UTC"));
    String clerkOrgId = newClerkOrgId();

    assertThatThrownBy(() -> organizations().insertForClerk(second, clerkOrgId))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("organization slug '" + first.slug() + "' is already taken");

    assertThat(organizations().findIdByClerkOrgId(clerkOrgId)).isEmpty();
  }

  @Test
  void updateKeepsPlanAndSlug() {
    Organization organization = Fixtures.organization();
    organizations().insert(organization);
    Organization changed =
        new Organization(
            organization.id(),
            new OrgSlug("changed-" + UUID.randomUUID().toString().substring(0, 8)),
            "Renamed",
            Plan.FREE,
            ZoneId.of("Asia/Tokyo"));

    organizations().update(changed);

    assertThat(organizations().find(organization.id()))
        .contains(
            new Organization(
                organization.id(),
                organization.slug(),
                "Renamed",
                organization.plan(),
                ZoneId.of("Asia/Tokyo")));
  }

  @Test
  void updateLeavesOtherOrganizationsAlone() {
    Organization organization = Fixtures.organization();
    Organization other = Fixtures.organization();
    organizations().insert(organization);
    organizations().insert(other);

    organizations()
        .update(
            new Organization(
                organization.id(),
                organization.slug(),
                "Renamed",
                organization.plan(),
                organization.timeZone()));

    assertThat(organizations().find(other.id())).contains(other);
  }

  @Test
  void updateOfUnknownOrganizationStoresNothing() {
    Organization unknown = Fixtures.organization();

    organizations().update(unknown);

    assertThat(organizations().find(unknown.id())).isEmpty();
  }

  @Test
  void requestDeletionReturnsRequestTime() {
    Organization organization = Fixtures.organization();
    organizations().insert(organization);

    var recorded = organizations().requestDeletion(organization.id(), REQUESTED_AT);

    assertThat(recorded).contains(REQUESTED_AT);
    assertThat(workerOrganizations().listDeletionRequests()).contains(organization.id());
  }

  @Test
  void repeatedDeletionRequestKeepsFirstTime() {
    Organization organization = Fixtures.organization();
    organizations().insert(organization);
    organizations().requestDeletion(organization.id(), REQUESTED_AT);

    var recorded =
        organizations().requestDeletion(organization.id(), REQUESTED_AT.plusSeconds(3_600));

    assertThat(recorded).contains(REQUESTED_AT);
    assertThat(workerOrganizations().listDeletionRequests()).containsOnlyOnce(organization.id());
  }

  @Test
  void deletionRequestOfUnknownOrganizationIsEmpty() {
    OrgId unknown = new OrgId(UUID.randomUUID());

    var recorded = organizations().requestDeletion(unknown, REQUESTED_AT);

    assertThat(recorded).isEmpty();
    assertThat(workerOrganizations().listDeletionRequests()).doesNotContain(unknown);
  }

  @Test
  void deletionRequestsListOnlyRequestedOldestFirst() {
    Organization later = Fixtures.organization();
    Organization earlier = Fixtures.organization();
    Organization untouched = Fixtures.organization();
    organizations().insert(later);
    organizations().insert(earlier);
    organizations().insert(untouched);

    organizations().requestDeletion(later.id(), REQUESTED_AT.plusSeconds(60));
    organizations().requestDeletion(earlier.id(), REQUESTED_AT);

    var pending = workerOrganizations().listDeletionRequests();
    assertThat(pending).containsSubsequence(earlier.id(), later.id());
    assertThat(pending).doesNotContain(untouched.id());
  }

  @Test
  void deletionRequestKeepsOrganizationReadable() {
    Organization organization = Fixtures.organization();
    organizations().insert(organization);

    organizations().requestDeletion(organization.id(), REQUESTED_AT);

    assertThat(organizations().find(organization.id())).contains(organization);
  }

  /** Returns a fresh Clerk-shaped id, so tests sharing one database never collide. */
  private static String newClerkOrgId() {
    return "org_FAKE" + UUID.randomUUID().toString().replace("-", "");
  }
}
