package dev.reckon.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.postgres.TenantTable.AppRole;
import dev.reckon.adapter.postgres.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The organization set for one transaction must be gone in the next transaction on the same pooled
 * connection, whether the first committed or rolled back. A pool of one connection makes both
 * transactions use the same server session.
 */
class TenantContextPoolingIT {

  private static TestDatabase database;
  private static TenantFixture tenants;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create();
    tenants = TenantFixture.create(database);
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @ParameterizedTest
  @EnumSource(AppRole.class)
  void contextOfCommittedTransactionIsGone(AppRole role) {
    Jdbi jdbi = ReckonJdbi.create(database.newPool(roleName(role), 1));
    int firstSession =
        jdbi.inTransaction(
            h -> {
              TenantTransactions.setOrg(h, tenants.orgA());
              assertThat(countUsage(h)).isEqualTo(2);
              return backendPid(h);
            });

    Observation next = observeWithoutContext(jdbi);

    assertThat(next.session()).isEqualTo(firstSession);
    assertThat(next.setting()).isEmpty();
    assertThat(next.rows()).isZero();
  }

  @ParameterizedTest
  @EnumSource(AppRole.class)
  void contextOfRolledBackTransactionIsGone(AppRole role) {
    Jdbi jdbi = ReckonJdbi.create(database.newPool(roleName(role), 1));
    int[] firstSession = new int[1];
    assertThatThrownBy(
            () ->
                jdbi.useTransaction(
                    h -> {
                      TenantTransactions.setOrg(h, tenants.orgA());
                      firstSession[0] = backendPid(h);
                      throw new IllegalStateException("roll back");
                    }))
        .hasMessage("roll back");

    Observation next = observeWithoutContext(jdbi);

    assertThat(next.session()).isEqualTo(firstSession[0]);
    assertThat(next.setting()).isEmpty();
    assertThat(next.rows()).isZero();
  }

  private static Observation observeWithoutContext(Jdbi jdbi) {
    return jdbi.inTransaction(
        h ->
            new Observation(
                backendPid(h),
                h.createQuery("select coalesce(current_setting('app.org_id', true), '')")
                    .mapTo(String.class)
                    .one(),
                countUsage(h)));
  }

  private static long countUsage(org.jdbi.v3.core.Handle h) {
    return h.createQuery("select count(*) from reckon.usage_buckets").mapTo(Long.class).one();
  }

  private static int backendPid(org.jdbi.v3.core.Handle h) {
    return h.createQuery("select pg_backend_pid()").mapTo(Integer.class).one();
  }

  private static String roleName(AppRole role) {
    return role == AppRole.WEB ? database.roles().web() : database.roles().worker();
  }

  private record Observation(int session, String setting, long rows) {}
}
