package dev.reckon.adapter.postgres;

import dev.reckon.domain.shared.OrgId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs units of work in one transaction each, scoped to one organization for row-level security.
 *
 * <p>The organization is set with {@code set_config('app.org_id', ..., true)}, which lasts until
 * the transaction ends, as the first statement. A session-wide {@code SET} would survive the
 * transaction and travel with the pooled connection to the next caller, who might work for another
 * organization.
 */
final class TenantTransactions {

  private final Jdbi jdbi;

  TenantTransactions(Jdbi jdbi) {
    this.jdbi = ReckonJdbi.requireCreatedHere(jdbi);
  }

  /** Runs {@code work} in a transaction scoped to {@code orgId} and returns its result. */
  <R> R inOrg(OrgId orgId, String operation, HandleCallback<R, RuntimeException> work) {
    try {
      return jdbi.inTransaction(
          handle -> {
            setOrg(handle, orgId);
            return work.withHandle(handle);
          });
    } catch (JdbiException e) {
      throw new UnableToAccessDatabaseException(
          "failed to " + operation + " for org_id " + orgId, e);
    }
  }

  /**
   * Runs {@code work} in a transaction with no organization, where tenant tables show no rows. Only
   * for the cross-tenant lookup functions.
   */
  <R> R withoutOrg(String operation, HandleCallback<R, RuntimeException> work) {
    try {
      return jdbi.inTransaction(work);
    } catch (JdbiException e) {
      throw new UnableToAccessDatabaseException("failed to " + operation, e);
    }
  }

  static void setOrg(Handle handle, OrgId orgId) {
    handle
        .createQuery("select pg_catalog.set_config('app.org_id', :org, true)")
        .bind("org", orgId.value().toString())
        .mapTo(String.class)
        .one();
  }
}
