package dev.reckon.ports.in;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.ports.out.OrganizationDataEraser.TenantData;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Deletes every row of an organization whose deletion an admin requested, and finally the
 * organization itself.
 */
public interface DeleteOrganizationDataUseCase {

  /**
   * Deletes the organization's rows in batches of at most {@code batchSize} rows, each its own
   * transaction, then the organization's row. Provider keys go first, so polling stops and the
   * sealed keys are gone before the history is.
   *
   * <p>Resumable: an interrupted run keeps the batches it committed, and the next run continues.
   * Idempotent: once the organization's row is gone it is no longer a pending request, and a run
   * deletes nothing. An organization whose deletion was not requested is left alone.
   *
   * @throws IllegalArgumentException when {@code batchSize} is less than 1
   */
  Result deleteAll(OrgId orgId, int batchSize);

  /** The outcome of a run. */
  enum Status {
    /** This run deleted the organization's row, after every other row of it. */
    DELETED,
    /**
     * No deletion of the organization was pending, so this run did not delete its row: the deletion
     * was never requested, or another run completed it first.
     */
    NOT_PENDING
  }

  /**
   * The rows one run deleted.
   *
   * @param deletedRows rows deleted per kind, every kind present
   */
  record Result(OrgId orgId, Status status, Map<TenantData, Long> deletedRows) {

    public Result {
      Objects.requireNonNull(orgId, "orgId");
      Objects.requireNonNull(status, "status");
      Map<TenantData, Long> copy = new EnumMap<>(TenantData.class);
      for (TenantData kind : TenantData.values()) {
        copy.put(kind, deletedRows.getOrDefault(kind, 0L));
      }
      deletedRows = Collections.unmodifiableMap(copy);
    }

    /** Returns the rows deleted across every kind, not counting the organization's row. */
    public long totalRows() {
      return deletedRows.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
