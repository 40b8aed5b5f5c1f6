package dev.reckon.ports.service;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.ports.in.DeleteOrganizationDataUseCase;
import dev.reckon.ports.out.OrganizationDataEraser;
import dev.reckon.ports.out.OrganizationDataEraser.TenantData;
import dev.reckon.ports.out.OrganizationRepository;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deletes a pending organization's rows kind by kind in bounded batches, then the organization's
 * row.
 */
public final class DeleteOrganizationDataService implements DeleteOrganizationDataUseCase {

  // Provider keys first: polling stops, and a poll already running cannot commit new buckets,
  // because its watermark must reference the key. The other kinds follow in any order.
  private static final List<TenantData> ORDER =
      List.of(
          TenantData.PROVIDER_KEYS,
          TenantData.INGESTION_WATERMARKS,
          TenantData.USAGE_BUCKETS,
          TenantData.COST_BUCKETS,
          TenantData.PROVIDER_NAMES,
          TenantData.DEAD_LETTERS);

  private final OrganizationRepository organizations;
  private final OrganizationDataEraser eraser;

  public DeleteOrganizationDataService(
      OrganizationRepository organizations, OrganizationDataEraser eraser) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.eraser = Objects.requireNonNull(eraser, "eraser");
  }

  @Override
  public Result deleteAll(OrgId orgId, int batchSize) {
    Objects.requireNonNull(orgId, "orgId");
    if (batchSize < 1) {
      throw new IllegalArgumentException("'batchSize' must be at least 1 (was " + batchSize + ")");
    }
    Map<TenantData, Long> deleted = new EnumMap<>(TenantData.class);
    if (!organizations.listDeletionRequests().contains(orgId)) {
      return new Result(orgId, Status.NOT_PENDING, deleted);
    }

    // A row written while a pass ran, such as a name saved by a poll that started before its key
    // was deleted, is caught by the next pass. The organization's row goes only after a pass that
    // found nothing.
    long deletedInPass;
    do {
      deletedInPass = 0;
      for (TenantData kind : ORDER) {
        long rows = deleteKind(orgId, kind, batchSize);
        deleted.merge(kind, rows, Long::sum);
        deletedInPass += rows;
      }
    } while (deletedInPass > 0);

    // NOTE: a name saved after the last pass by a poll that began before its key was deleted is
    // not caught: provider_names has no foreign key that would reject it.
    boolean removed = eraser.deleteOrganization(orgId);
    return new Result(orgId, removed ? Status.DELETED : Status.NOT_PENDING, deleted);
  }

  private long deleteKind(OrgId orgId, TenantData kind, int batchSize) {
    long total = 0;
    int rows;
    do {
      rows = eraser.deleteBatch(orgId, kind, batchSize);
      total += rows;
    } while (rows >= batchSize);
    return total;
  }
}
