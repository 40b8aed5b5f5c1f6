package dev.reckon.adapter.postgres;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.tenant.Plan;
import dev.reckon.ports.out.OrganizationRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Organizations stored in {@code reckon.organizations}. */
public final class JdbiOrganizationRepository implements OrganizationRepository {

  private static final String SLUG_CONSTRAINT = "organizations_slug_unique";
  private static final String PRIMARY_KEY = "organizations_pkey";
  private static final String CLERK_CONSTRAINT = "organizations_clerk_org_id_unique";

  private final TenantTransactions transactions;

  /**
   * @param jdbi created with {@link ReckonJdbi#create}. Inserting, updating and requesting deletion
   *     need the web role, listing deletion requests needs the worker role, and reading works with
   *     either app role.
   */
  public JdbiOrganizationRepository(Jdbi jdbi) {
    this.transactions = new TenantTransactions(jdbi);
  }

  @Override
  public void insert(Organization organization) {
    Objects.requireNonNull(organization, "organization");
    insertRow(organization, null);
  }

  @Override
  public void insertForClerk(Organization organization, String clerkOrgId) {
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(clerkOrgId, "clerkOrgId");
    insertRow(organization, clerkOrgId);
  }

  @Override
  public void update(Organization organization) {
    Objects.requireNonNull(organization, "organization");
    transactions.inOrg(
        organization.id(),
        "update organization",
        handle ->
            handle
                .createUpdate(
                    "update reckon.organizations set name = :name, time_zone = :zone"
                        + " where org_id = :org")
                .bind("org", organization.id().value())
                .bind("name", organization.name())
                .bind("zone", organization.timeZone().getId())
                .execute());
  }

  @Override
  public Optional<Instant> requestDeletion(OrgId orgId, Instant requestedAt) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(requestedAt, "requestedAt");
    // One statement, so two concurrent requests cannot both see no request and both write theirs.
    return transactions.inOrg(
        orgId,
        "request deletion of organization",
        handle ->
            handle
                .createQuery(
                    "update reckon.organizations"
                        + " set deletion_requested_at = coalesce(deletion_requested_at, :at)"
                        + " where org_id = :org returning deletion_requested_at")
                .bind("org", orgId.value())
                .bind("at", SqlValues.timestamp(requestedAt))
                .map((rs, ctx) -> SqlValues.instant(rs, "deletion_requested_at"))
                .findOne());
  }

  @Override
  public List<OrgId> listDeletionRequests() {
    return transactions.withoutOrg(
        "list organizations to delete",
        handle ->
            handle
                .createQuery("select org_id from reckon.organizations_to_delete()")
                .map((rs, ctx) -> new OrgId(rs.getObject("org_id", UUID.class)))
                .list());
  }

  // The row-level security policy checks new rows against the transaction's organization, so the
  // insert runs in the new organization's own context.
  private void insertRow(Organization organization, String clerkOrgId) {
    transactions.inOrg(
        organization.id(),
        "insert organization",
        handle -> {
          try {
            return handle
                .createUpdate(
                    "insert into reckon.organizations"
                        + " (org_id, slug, name, plan, time_zone, clerk_org_id)"
                        + " values (:org, :slug, :name, :plan, :zone, :clerkOrgId)")
                .bind("org", organization.id().value())
                .bind("slug", organization.slug().value())
                .bind("name", organization.name())
                .bind("plan", organization.plan().id())
                .bind("zone", organization.timeZone().getId())
                .bind("clerkOrgId", clerkOrgId)
                .execute();
          } catch (UnableToExecuteStatementException e) {
            throw duplicateOr(e, organization, clerkOrgId);
          }
        });
  }

  @Override
  public Optional<Organization> find(OrgId orgId) {
    Objects.requireNonNull(orgId, "orgId");
    return transactions.inOrg(
        orgId,
        "find organization",
        handle ->
            handle
                .createQuery(
                    "select org_id, slug, name, plan, time_zone from reckon.organizations"
                        + " where org_id = :org")
                .bind("org", orgId.value())
                .map(JdbiOrganizationRepository::organization)
                .findOne());
  }

  @Override
  public List<OrgId> listIds() {
    return transactions.withoutOrg(
        "list organization ids",
        handle ->
            handle
                .createQuery("select org_id from reckon.organization_ids()")
                .map((rs, ctx) -> new OrgId(rs.getObject("org_id", UUID.class)))
                .list());
  }

  @Override
  public Optional<OrgId> findIdBySlug(OrgSlug slug) {
    Objects.requireNonNull(slug, "slug");
    return transactions.withoutOrg(
        "find organization by slug",
        handle -> {
          UUID id =
              handle
                  .createQuery("select reckon.org_id_for_slug(:slug)")
                  .bind("slug", slug.value())
                  .mapTo(UUID.class)
                  .one();
          return Optional.ofNullable(id).map(OrgId::new);
        });
  }

  @Override
  public Optional<OrgId> findIdByClerkOrgId(String clerkOrgId) {
    Objects.requireNonNull(clerkOrgId, "clerkOrgId");
    return transactions.withoutOrg(
        "find organization by Clerk organization id",
        handle -> {
          UUID id =
              handle
                  .createQuery("select reckon.org_id_for_clerk_org(:clerkOrgId)")
                  .bind("clerkOrgId", clerkOrgId)
                  .mapTo(UUID.class)
                  .one();
          return Optional.ofNullable(id).map(OrgId::new);
        });
  }

  private static RuntimeException duplicateOr(
      UnableToExecuteStatementException e, Organization organization, String clerkOrgId) {
    String constraint = SqlValues.violatedConstraint(e).orElse("");
    if (constraint.equals(CLERK_CONSTRAINT)) {
      return new IllegalStateException(
          "Clerk organization " + clerkOrgId + " is already linked to an organization");
    }
    if (constraint.equals(SLUG_CONSTRAINT)) {
      return new IllegalStateException(
          "organization slug '" + organization.slug() + "' is already taken");
    }
    if (constraint.equals(PRIMARY_KEY)) {
      return new IllegalStateException("organization " + organization.id() + " already exists");
    }
    return e;
  }

  private static Organization organization(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Organization(
        new OrgId(rs.getObject("org_id", UUID.class)),
        new OrgSlug(rs.getString("slug")),
        rs.getString("name"),
        Plan.fromId(rs.getString("plan")),
        ZoneId.of(rs.getString("time_zone")));
  }
}
