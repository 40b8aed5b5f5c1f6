package dev.reckon.adapter.postgres;

import static dev.reckon.ports.testing.UsageBucketBuilder.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.key.ProviderKeyStatus;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.out.KeyRef;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What each app does through the repositories works as its own role, and only that. */
class AppRolesIT {

  private static final Instant CREATED = Instant.parse("2026-03-01T00:00:00Z");

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
  void workerRunsPollingCycle() {
    ProviderKeyRecord key = webAddsOrganizationAndKey();
    var organizations = new JdbiOrganizationRepository(database.worker());
    var keys = new JdbiProviderKeyRepository(database.worker());
    var usage = new JdbiUsageRepository(database.worker());

    List<KeyRef> due = keys.listActiveKeys();
    usage.replaceUsage(
        Fixtures.scope(key, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z"),
        List.of(usage().build()));
    keys.recordSuccess(key.orgId(), key.id(), CREATED.plusSeconds(60));
    keys.markNeedsAttention(key.orgId(), key.id(), "The provider rejected the key (401).");

    assertThat(due).contains(new KeyRef(key.orgId(), key.id()));
    assertThat(organizations.find(key.orgId())).isPresent();
    ProviderKeyRecord stored = keys.find(key.orgId(), key.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(ProviderKeyStatus.NEEDS_ATTENTION);
    assertThat(stored.lastSuccessAt()).isEqualTo(CREATED.plusSeconds(60));
    assertThat(keys.listActiveKeys()).doesNotContain(new KeyRef(key.orgId(), key.id()));
  }

  @Test
  void workerCannotAddKeys() {
    ProviderKeyRecord existing = webAddsOrganizationAndKey();
    ProviderKeyRecord key = Fixtures.providerKey(existing.orgId(), Provider.OPENAI, CREATED);
    var keys = new JdbiProviderKeyRepository(database.worker());

    assertThatThrownBy(() -> keys.insert(key))
        .isInstanceOf(UnableToAccessDatabaseException.class)
        .hasMessage("failed to insert provider key " + key.id() + " for org_id " + key.orgId())
        .rootCause()
        .hasMessageContaining("permission denied for table provider_keys");
  }

  @Test
  void webCannotWriteUsage() {
    ProviderKeyRecord key = webAddsOrganizationAndKey();
    var usage = new JdbiUsageRepository(database.web());
    var scope = Fixtures.scope(key, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z");

    assertThatThrownBy(() -> usage.replaceUsage(scope, List.of(usage().build())))
        .isInstanceOf(UnableToAccessDatabaseException.class)
        .hasMessage(
            "failed to replace usage of provider key " + key.id() + " for org_id " + key.orgId())
        .rootCause()
        .hasMessageContaining("permission denied for table usage_buckets");
  }

  @Test
  void webResolvesSlugAcrossOrganizations() {
    Organization organization = Fixtures.organization();
    new JdbiOrganizationRepository(database.web()).insert(organization);

    var found = new JdbiOrganizationRepository(database.web()).findIdBySlug(organization.slug());

    assertThat(found).contains(organization.id());
  }

  private static ProviderKeyRecord webAddsOrganizationAndKey() {
    Organization organization = Fixtures.organization();
    new JdbiOrganizationRepository(database.web()).insert(organization);
    ProviderKeyRecord key = Fixtures.providerKey(organization.id(), Provider.OPENAI, CREATED);
    new JdbiProviderKeyRepository(database.web()).insert(key);
    return key;
  }
}
