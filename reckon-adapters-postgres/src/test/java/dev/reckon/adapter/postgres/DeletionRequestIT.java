package dev.reckon.adapter.postgres;

import static dev.reckon.adapter.postgres.PostgresErrors.assertServerError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.testing.Fixtures;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may record a data deletion request: the web role, for its own organization only. */
class DeletionRequestIT {

  private static final Instant REQUESTED_AT = Instant.parse("2026-04-10T15:00:00Z");

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
  void webRoleRecordsRequestOfOwnOrganization() {
    OrgId own = organization();
    OrgId other = organization();

    var recorded =
        new JdbiOrganizationRepository(database.web()).requestDeletion(own, REQUESTED_AT);

    assertThat(recorded).contains(REQUESTED_AT);
    assertThat(requestedAt(own)).contains(REQUESTED_AT);
    assertThat(requestedAt(other)).isEmpty();
  }

  @Test
  void webRoleCannotRecordRequestOfOtherOrganization() {
    OrgId own = organization();
    OrgId other = organization();

    int updated =
        database
            .web()
            .inTransaction(
                h -> {
                  TenantTransactions.setOrg(h, own);
                  return h.createUpdate(
                          "update reckon.organizations set deletion_requested_at = now()"
                              + " where org_id = :other")
                      .bind("other", other.value())
                      .execute();
                });

    assertThat(updated).isZero();
    assertThat(requestedAt(other)).isEmpty();
    assertThat(requestedAt(own)).isEmpty();
  }

  @Test
  void workerRoleCannotRecordRequest() {
    OrgId own = organization();

    assertServerError(
        () ->
            database
                .worker()
                .useTransaction(
                    h -> {
                      TenantTransactions.setOrg(h, own);
                      h.createUpdate(
                              "update reckon.organizations set deletion_requested_at = now()"
                                  + " where org_id = :org")
                          .bind("org", own.value())
                          .execute();
                    }),
        "permission denied for table organizations");

    assertThat(requestedAt(own)).isEmpty();
  }

  private static OrgId organization() {
    Organization organization = Fixtures.organization();
    new JdbiOrganizationRepository(database.web()).insert(organization);
    return organization.id();
  }

  private static Optional<Instant> requestedAt(OrgId orgId) {
    return database
        .owner()
        .inTransaction(
            h -> {
              TenantTransactions.setOrg(h, orgId);
              return Optional.ofNullable(
                      h.createQuery(
                              "select deletion_requested_at from reckon.organizations"
                                  + " where org_id = :org")
                          .bind("org", orgId.value())
                          .mapTo(OffsetDateTime.class)
                          .one())
                  .map(OffsetDateTime::toInstant);
            });
  }
}
