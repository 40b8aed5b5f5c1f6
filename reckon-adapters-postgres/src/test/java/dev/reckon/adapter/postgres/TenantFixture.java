package dev.reckon.adapter.postgres;

import static dev.reckon.ports.testing.CostBucketBuilder.cost;
import static dev.reckon.ports.testing.UsageBucketBuilder.usage;

import dev.reckon.adapter.postgres.TenantTable.AppRole;
import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.usage.EntityName;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Two organizations, A and B, each with rows in every tenant table, written by the app roles. */
record TenantFixture(TestDatabase database, ProviderKeyRecord keyA, ProviderKeyRecord keyB) {

  static TenantFixture create(TestDatabase database) {
    ProviderKeyRecord keyA = seed(database);
    ProviderKeyRecord keyB = seed(database);
    return new TenantFixture(database, keyA, keyB);
  }

  OrgId orgA() {
    return keyA.orgId();
  }

  OrgId orgB() {
    return keyB.orgId();
  }

  Jdbi jdbi(AppRole role) {
    return role == AppRole.WEB ? database.web() : database.worker();
  }

  private static ProviderKeyRecord seed(TestDatabase database) {
    Organization organization = Fixtures.organization();
    new JdbiOrganizationRepository(database.web()).insert(organization);
    ProviderKeyRecord key =
        Fixtures.providerKey(
            organization.id(), Provider.OPENAI, Instant.parse("2026-03-01T00:00:00Z"));
    new JdbiProviderKeyRepository(database.web()).insert(key);

    JdbiUsageRepository usage = new JdbiUsageRepository(database.worker());
    var day = Fixtures.scope(key, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z");
    usage.replaceUsage(
        day,
        List.of(
            usage().at("2026-03-01T01:00:00Z").build(),
            usage().at("2026-03-01T02:00:00Z").build()));
    usage.replaceCosts(day, List.of(cost().build()));
    usage.saveNames(
        key.orgId(), key.id(), List.of(new EntityName(EntityName.Kind.PROJECT, "proj_test", "P")));
    database
        .worker()
        .useTransaction(
            h -> {
              TenantTransactions.setOrg(h, key.orgId());
              h.createUpdate(TenantTable.DEAD_LETTERS.insertSql)
                  .bind("org", key.orgId().value())
                  .execute();
            });
    return key;
  }
}
