package dev.reckon.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.shared.OrgId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Transactions of two organizations interleaved on shared pooled connections. */
class ConcurrentTenantsIT {

  private static final int TRANSACTIONS = 100;

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

  @Test
  void interleavedTransactionsSeeOwnRowsOnly() throws Exception {
    Jdbi jdbi = ReckonJdbi.create(database.newPool(database.roles().worker(), 4));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Seen>> results = new ArrayList<>();
    for (int i = 0; i < TRANSACTIONS; i++) {
      OrgId orgId = i % 2 == 0 ? tenants.orgA() : tenants.orgB();
      results.add(threads.submit(() -> readAfter(start, jdbi, orgId)));
    }

    start.countDown();

    for (Future<Seen> result : results) {
      Seen seen = result.get();
      assertThat(seen.orgIds()).hasSize(2).containsOnly(seen.expected().toString());
    }
    threads.shutdown();
  }

  // The sleep between setting the organization and reading keeps many transactions open at once,
  // so the pool hands each connection back and forth between the two organizations.
  private static Seen readAfter(CountDownLatch start, Jdbi jdbi, OrgId orgId)
      throws InterruptedException {
    start.await();
    List<String> orgIds =
        jdbi.inTransaction(
            h -> {
              TenantTransactions.setOrg(h, orgId);
              h.createQuery("select pg_sleep(0.005)").mapTo(String.class).one();
              return h.createQuery("select org_id::text from reckon.usage_buckets")
                  .mapTo(String.class)
                  .list();
            });
    return new Seen(orgId, orgIds);
  }

  private record Seen(OrgId expected, List<String> orgIds) {}
}
