package dev.reckon.adapter.postgres;

import static dev.reckon.ports.testing.UsageBucketBuilder.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.usage.Dataset;
import dev.reckon.ports.out.OrganizationRepository;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.out.ProviderKeyRepository;
import dev.reckon.ports.out.SealedKey;
import dev.reckon.ports.testing.Fixtures;
import dev.reckon.ports.testing.ProviderKeyRepositoryContract;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbiProviderKeyRepositoryIT extends ProviderKeyRepositoryContract {

  private static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Override
  protected OrganizationRepository organizations() {
    return new JdbiOrganizationRepository(database.web());
  }

  @Override
  protected ProviderKeyRepository keys() {
    return new JdbiProviderKeyRepository(database.web());
  }

  @Test
  void deleteByWebDropsWatermarksButKeepsUsage() {
    Organization organization = Fixtures.organization();
    organizations().insert(organization);
    ProviderKeyRecord key =
        Fixtures.providerKey(
            organization.id(), Provider.OPENAI, Instant.parse("2026-03-01T00:00:00Z"));
    keys().insert(key);
    JdbiUsageRepository usage = new JdbiUsageRepository(database.worker());
    usage.replaceUsage(
        Fixtures.scope(key, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z"),
        List.of(usage().build()));

    boolean deleted = keys().delete(key.orgId(), key.id());

    assertThat(deleted).isTrue();
    assertThat(usage.watermark(key.orgId(), key.id(), Dataset.USAGE)).isEmpty();
    var hours =
        new JdbiSpendReadModel(database.web())
            .hourlyUsage(
                key.orgId(),
                Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-03-02T00:00:00Z"),
                Optional.empty());
    assertThat(hours).containsExactly(usage().build());
  }

  @Test
  void workerRewrapsEnvelopesOfEveryOrganizationItLists() {
    Organization first = Fixtures.organization();
    Organization second = Fixtures.organization();
    organizations().insert(first);
    organizations().insert(second);
    ProviderKeyRecord key =
        Fixtures.providerKey(
            second.id(), Provider.ANTHROPIC, Instant.parse("2026-03-01T00:00:00Z"));
    keys().insert(key);
    JdbiProviderKeyRepository workerKeys = new JdbiProviderKeyRepository(database.worker());
    SealedKey rewrapped = new SealedKey(new byte[] {1, 2, 3, 4});

    var orgIds = new JdbiOrganizationRepository(database.worker()).listIds();
    boolean swapped = workerKeys.swapSealed(key.orgId(), key.id(), key.sealed(), rewrapped);

    assertThat(orgIds).contains(first.id(), second.id());
    assertThat(swapped).isTrue();
    assertThat(keys().find(key.orgId(), key.id()).orElseThrow().sealed()).isEqualTo(rewrapped);
  }
}
