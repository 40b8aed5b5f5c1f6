package dev.reckon.ports.out;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Organization;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored organizations. */
public interface OrganizationRepository {

  /**
   * Inserts a new organization.
   *
   * @throws IllegalStateException when the slug is taken
   */
  void insert(Organization organization);

  Optional<Organization> find(OrgId orgId);

  /** Resolves a slug to an organization id, the cross-tenant lookup the command line needs. */
  Optional<OrgId> findIdBySlug(OrgSlug slug);

  /**
   * Lists the id of every organization, the cross-tenant read that jobs visiting every tenant need.
   * Returns ids only.
   */
  List<OrgId> listIds();

  /**
   * Resolves a Clerk organization id to a Reckon organization id, the cross-tenant lookup every
   * authenticated web request needs. Returns ids only.
   */
  Optional<OrgId> findIdByClerkOrgId(String clerkOrgId);

  /**
   * Inserts a new organization linked to a Clerk organization.
   *
   * @throws IllegalStateException when the slug or the Clerk organization id is taken
   */
  void insertForClerk(Organization organization, String clerkOrgId);

  /**
   * Stores a new name and time zone of an existing organization; its slug and plan are not changed
   * here. Does nothing for an organization that does not exist.
   */
  void update(Organization organization);

  /**
   * Records that an admin asked to delete every row of the organization. Idempotent: when a request
   * is already recorded, its time is kept and returned.
   *
   * @return the time of the first recorded request, or empty when the organization does not exist
   */
  Optional<Instant> requestDeletion(OrgId orgId, Instant requestedAt);

  /**
   * Lists the ids of organizations whose deletion was requested, oldest request first: the
   * cross-tenant read of the job that deletes them. Returns ids only.
   */
  List<OrgId> listDeletionRequests();
}
