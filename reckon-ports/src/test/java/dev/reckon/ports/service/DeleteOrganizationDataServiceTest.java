package dev.reckon.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.DeleteOrganizationDataUseCase.Result;
import dev.reckon.ports.in.DeleteOrganizationDataUseCase.Status;
import dev.reckon.ports.out.OrganizationDataEraser;
import dev.reckon.ports.out.OrganizationDataEraser.TenantData;
import dev.reckon.ports.testing.Fixtures;
import dev.reckon.ports.testing.InMemoryOrganizationDataEraser;
import dev.reckon.ports.testing.InMemoryOrganizationRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeleteOrganizationDataServiceTest {

  private static final Instant REQUESTED_AT = Instant.parse("2026-04-10T15:00:00Z");

  private final InMemoryOrganizationRepository organizations = new InMemoryOrganizationRepository();
  private final InMemoryOrganizationDataEraser eraser =
      new InMemoryOrganizationDataEraser(organizations);
  private final DeleteOrganizationDataService service =
      new DeleteOrganizationDataService(organizations, eraser);

  @Test
  void requestedOrganizationLosesEveryRow() {
    OrgId org = organizationWithRows(5);
    organizations.requestDeletion(org, REQUESTED_AT);

    Result result = service.deleteAll(org, 2);

    assertThat(result.status()).isEqualTo(Status.DELETED);
    assertThat(result.deletedRows()).containsOnlyKeys(TenantData.values());
    assertThat(result.deletedRows().values()).containsOnly(5L);
    assertThat(result.totalRows()).isEqualTo(5L * TenantData.values().length);
    assertThat(eraser.remaining(org).values()).containsOnly(0L);
    assertThat(organizations.find(org)).isEmpty();
    assertThat(organizations.listDeletionRequests()).doesNotContain(org);
  }

  @Test
  void otherOrganizationKeepsItsRows() {
    OrgId org = organizationWithRows(3);
    OrgId other = organizationWithRows(3);
    organizations.requestDeletion(org, REQUESTED_AT);

    service.deleteAll(org, 2);

    assertThat(eraser.remaining(other).values()).containsOnly(3L);
    assertThat(organizations.find(other)).isPresent();
  }

  @Test
  void organizationWithoutRequestIsLeftAlone() {
    OrgId org = organizationWithRows(3);

    Result result = service.deleteAll(org, 2);

    assertThat(result.status()).isEqualTo(Status.NOT_PENDING);
    assertThat(result.totalRows()).isZero();
    assertThat(eraser.remaining(org).values()).containsOnly(3L);
    assertThat(eraser.batches()).isZero();
    assertThat(organizations.find(org)).isPresent();
  }

  @Test
  void runAfterCompletionDeletesNothing() {
    OrgId org = organizationWithRows(3);
    organizations.requestDeletion(org, REQUESTED_AT);
    service.deleteAll(org, 2);

    Result again = service.deleteAll(org, 2);

    assertThat(again.status()).isEqualTo(Status.NOT_PENDING);
    assertThat(again.totalRows()).isZero();
  }

  @Test
  void interruptedRunIsResumedByNextRun() {
    OrgId org = organizationWithRows(5);
    organizations.requestDeletion(org, REQUESTED_AT);
    DeleteOrganizationDataService failing =
        new DeleteOrganizationDataService(organizations, new FailingAfter(eraser, 4));

    assertThatThrownBy(() -> failing.deleteAll(org, 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("connection lost");
    Result resumed = service.deleteAll(org, 2);

    assertThat(resumed.status()).isEqualTo(Status.DELETED);
    // The four batches before the failure deleted 2, 2 and 1 provider keys and 2 watermarks.
    assertThat(resumed.totalRows()).isEqualTo(5L * TenantData.values().length - 7);
    assertThat(eraser.remaining(org).values()).containsOnly(0L);
    assertThat(organizations.find(org)).isEmpty();
  }

  @Test
  void providerKeysGoFirstInBoundedBatches() {
    OrgId org = organizationWithRows(3);
    organizations.requestDeletion(org, REQUESTED_AT);
    Recording recording = new Recording(eraser);

    new DeleteOrganizationDataService(organizations, recording).deleteAll(org, 2);

    assertThat(recording.calls.get(0)).isEqualTo(TenantData.PROVIDER_KEYS);
    assertThat(recording.calls.subList(0, 2)).containsOnly(TenantData.PROVIDER_KEYS);
    assertThat(recording.deleted).allSatisfy(rows -> assertThat(rows).isLessThanOrEqualTo(2));
  }

  @Test
  void rowsWrittenDuringPassAreDeletedBeforeOrganization() {
    OrgId org = organizationWithRows(1);
    organizations.requestDeletion(org, REQUESTED_AT);
    LateWrite late = new LateWrite(eraser, org);

    Result result = new DeleteOrganizationDataService(organizations, late).deleteAll(org, 10);

    assertThat(result.status()).isEqualTo(Status.DELETED);
    assertThat(result.deletedRows().get(TenantData.PROVIDER_NAMES)).isEqualTo(2);
    assertThat(eraser.remaining(org).values()).containsOnly(0L);
  }

  @Test
  void batchSizeBelowOneIsRejected() {
    OrgId org = organizationWithRows(1);
    organizations.requestDeletion(org, REQUESTED_AT);

    assertThatThrownBy(() -> service.deleteAll(org, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'batchSize' must be at least 1 (was 0)");
    assertThat(eraser.remaining(org).values()).containsOnly(1L);
  }

  private OrgId organizationWithRows(long rowsPerKind) {
    Organization organization = Fixtures.organization();
    organizations.insert(organization);
    eraser.addRows(organization.id(), rowsPerKind);
    return organization.id();
  }

  /** Fails every batch after the first {@code batches}, like a lost database connection. */
  private static final class FailingAfter implements OrganizationDataEraser {

    private final OrganizationDataEraser delegate;
    private int left;

    FailingAfter(OrganizationDataEraser delegate, int batches) {
      this.delegate = delegate;
      this.left = batches;
    }

    @Override
    public int deleteBatch(OrgId orgId, TenantData kind, int limit) {
      if (left-- <= 0) {
        throw new IllegalStateException("connection lost");
      }
      return delegate.deleteBatch(orgId, kind, limit);
    }

    @Override
    public boolean deleteOrganization(OrgId orgId) {
      throw new IllegalStateException("connection lost");
    }
  }

  /** Records the kind and result of every batch. */
  private static final class Recording implements OrganizationDataEraser {

    private final OrganizationDataEraser delegate;
    final List<TenantData> calls = new ArrayList<>();
    final List<Integer> deleted = new ArrayList<>();

    Recording(OrganizationDataEraser delegate) {
      this.delegate = delegate;
    }

    @Override
    public int deleteBatch(OrgId orgId, TenantData kind, int limit) {
      calls.add(kind);
      int rows = delegate.deleteBatch(orgId, kind, limit);
      deleted.add(rows);
      return rows;
    }

    @Override
    public boolean deleteOrganization(OrgId orgId) {
      return delegate.deleteOrganization(orgId);
    }
  }

  /** Adds a provider name right after the first dead letter batch, like a poll still running. */
  private static final class LateWrite implements OrganizationDataEraser {

    private final InMemoryOrganizationDataEraser delegate;
    private final OrgId orgId;
    private boolean written;

    LateWrite(InMemoryOrganizationDataEraser delegate, OrgId orgId) {
      this.delegate = delegate;
      this.orgId = orgId;
    }

    @Override
    public int deleteBatch(OrgId org, TenantData kind, int limit) {
      int rows = delegate.deleteBatch(org, kind, limit);
      if (kind == TenantData.DEAD_LETTERS && !written) {
        delegate.addRows(orgId, TenantData.PROVIDER_NAMES, 1);
        written = true;
      }
      return rows;
    }

    @Override
    public boolean deleteOrganization(OrgId org) {
      return delegate.deleteOrganization(org);
    }
  }
}
