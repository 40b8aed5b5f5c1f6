package dev.reckon.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.ports.in.DeleteOrganizationDataUseCase.Result;
import dev.reckon.ports.in.DeleteOrganizationDataUseCase.Status;
import dev.reckon.ports.out.OrganizationDataEraser;
import dev.reckon.ports.service.DeleteOrganizationDataService;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deleting an organization's data against PostgreSQL, checked through the catalog: every table with
 * an {@code org_id} column, including one added later, must be empty for the deleted organization
 * and unchanged for the other.
 */
class OrganizationDeletionIT {

  private static final Instant REQUESTED_AT = Instant.parse("2026-04-10T15:00:00Z");
  private static final int BATCH_SIZE = 2;

  private static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void everyOrgIdTableIsSeeded() {
    List<String> catalog = TenantRows.tablesWithOrgId(database.owner());

    List<String> known = Arrays.stream(TenantTable.values()).map(t -> t.table).sorted().toList();

    // A new tenant table must be added to TenantTable, so that this test seeds it, and to
    // JdbiOrganizationDataEraser, so that data deletion empties it.
    assertThat(catalog).isEqualTo(known);
  }

  @Test
  void interruptedDeletionResumesAndEmptiesEveryTable() {
    List<String> tables = TenantRows.tablesWithOrgId(database.owner());
    OrgId a = TenantRows.seed(database, 3, 3);
    OrgId b = TenantRows.seed(database, 3, 3);
    Map<String, Long> aBefore = TenantRows.count(database.owner(), a, tables);
    Map<String, Long> bBefore = TenantRows.count(database.owner(), b, tables);
    new JdbiOrganizationRepository(database.web()).requestDeletion(a, REQUESTED_AT);

    assertThatThrownBy(() -> service(new FailingAfter(eraser(), 3)).deleteAll(a, BATCH_SIZE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("worker stopped");
    Map<String, Long> aInterrupted = TenantRows.count(database.owner(), a, tables);
    Result resumed = service(eraser()).deleteAll(a, BATCH_SIZE);

    assertThat(aBefore.values()).allSatisfy(rows -> assertThat(rows).isPositive());
    assertThat(aInterrupted.get("provider_keys")).isLessThan(aBefore.get("provider_keys"));
    assertThat(aInterrupted.get("organizations")).isEqualTo(1);
    assertThat(resumed.status()).isEqualTo(Status.DELETED);
    assertThat(TenantRows.count(database.owner(), a, tables).values()).containsOnly(0L);
    assertThat(TenantRows.count(database.owner(), b, tables)).isEqualTo(bBefore);
    assertThat(workerOrganizations().listDeletionRequests()).doesNotContain(a);
  }

  @Test
  void deletionAfterCompletionIsNoOp() {
    List<String> tables = TenantRows.tablesWithOrgId(database.owner());
    OrgId a = TenantRows.seed(database, 1, 1);
    OrgId b = TenantRows.seed(database, 1, 1);
    Map<String, Long> bBefore = TenantRows.count(database.owner(), b, tables);
    new JdbiOrganizationRepository(database.web()).requestDeletion(a, REQUESTED_AT);
    service(eraser()).deleteAll(a, BATCH_SIZE);

    Result again = service(eraser()).deleteAll(a, BATCH_SIZE);

    assertThat(again.status()).isEqualTo(Status.NOT_PENDING);
    assertThat(again.totalRows()).isZero();
    assertThat(TenantRows.count(database.owner(), b, tables)).isEqualTo(bBefore);
  }

  @Test
  void organizationWithoutRequestKeepsItsRows() {
    List<String> tables = TenantRows.tablesWithOrgId(database.owner());
    OrgId a = TenantRows.seed(database, 1, 1);
    Map<String, Long> before = TenantRows.count(database.owner(), a, tables);

    Result result = service(eraser()).deleteAll(a, BATCH_SIZE);

    assertThat(result.status()).isEqualTo(Status.NOT_PENDING);
    assertThat(TenantRows.count(database.owner(), a, tables)).isEqualTo(before);
  }

  private static DeleteOrganizationDataService service(OrganizationDataEraser eraser) {
    return new DeleteOrganizationDataService(workerOrganizations(), eraser);
  }

  private static JdbiOrganizationRepository workerOrganizations() {
    return new JdbiOrganizationRepository(database.worker());
  }

  private static JdbiOrganizationDataEraser eraser() {
    return new JdbiOrganizationDataEraser(database.worker());
  }

  /** Lets the first {@code batches} batches through, then fails like a worker that stopped. */
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
        throw new IllegalStateException("worker stopped");
      }
      return delegate.deleteBatch(orgId, kind, limit);
    }

    @Override
    public boolean deleteOrganization(OrgId orgId) {
      throw new IllegalStateException("worker stopped");
    }
  }
}
