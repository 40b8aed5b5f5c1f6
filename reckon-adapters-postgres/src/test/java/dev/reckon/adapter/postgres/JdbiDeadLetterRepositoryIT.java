package dev.reckon.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.out.DeadLetter;
import dev.reckon.ports.out.DeadLetterRepository.RetryRequest;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.testing.Fixtures;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dead letters in PostgreSQL: one open letter per key and job, retries, and tenant isolation. */
class JdbiDeadLetterRepositoryIT {

  private static final Instant FIRST = Instant.parse("2026-03-02T10:00:00Z");
  private static final Instant LATER = Instant.parse("2026-03-02T11:00:00Z");

  private static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  private final JdbiDeadLetterRepository worker = new JdbiDeadLetterRepository(database.worker());
  private final JdbiDeadLetterRepository web = new JdbiDeadLetterRepository(database.web());

  @Test
  void exhaustedRunsShareOneOpenLetter() {
    ProviderKeyRecord key = newKey();

    worker.recordExhausted(failure(key, 3, FIRST, "rate_limited"), UUID.randomUUID());
    worker.recordExhausted(failure(key, 3, LATER, "provider_unavailable"), UUID.randomUUID());

    var letters = worker.list(key.orgId(), key.id());
    assertThat(letters).hasSize(1);
    DeadLetter letter = letters.get(0);
    assertThat(letter.attempts()).isEqualTo(6);
    assertThat(letter.firstFailureAt()).isEqualTo(FIRST);
    assertThat(letter.lastFailureAt()).isEqualTo(LATER);
    assertThat(letter.errorCategory()).isEqualTo("provider_unavailable");
    assertThat(worker.countOpen(key.orgId(), key.id())).isEqualTo(1);
  }

  @Test
  void retryRequestIsListedAcrossTenantsUntilResolved() {
    ProviderKeyRecord key = newKey();
    UUID id = UUID.randomUUID();
    worker.recordExhausted(failure(key, 2, FIRST, "server_error"), id);

    boolean requested = web.requestRetry(key.orgId(), id, LATER);
    var pending = worker.listRetryRequests();
    worker.resolve(key.orgId(), key.id(), "ingest-key", LATER);

    assertThat(requested).isTrue();
    assertThat(pending).contains(new RetryRequest(key.orgId(), id, key.id()));
    assertThat(worker.listRetryRequests())
        .doesNotContain(new RetryRequest(key.orgId(), id, key.id()));
    assertThat(worker.find(key.orgId(), id).orElseThrow().resolvedAt()).isEqualTo(LATER);
    assertThat(worker.countOpen(key.orgId(), key.id())).isZero();
    assertThat(web.requestRetry(key.orgId(), id, LATER)).isFalse();
  }

  @Test
  void otherOrganizationSeesNoLetters() {
    ProviderKeyRecord key = newKey();
    UUID id = UUID.randomUUID();
    worker.recordExhausted(failure(key, 1, FIRST, "sealed_key_invalid"), id);
    OrgId other = newKey().orgId();

    assertThat(web.find(other, id)).isEmpty();
    assertThat(web.list(other, key.id())).isEmpty();
    assertThat(web.requestRetry(other, id, LATER)).isFalse();
    assertThat(worker.find(key.orgId(), id).orElseThrow().retryRequestedAt()).isNull();
  }

  @Test
  void healthCountsOpenLetters() {
    ProviderKeyRecord key = newKey();
    worker.recordExhausted(failure(key, 1, FIRST, "sealed_key_invalid"), UUID.randomUUID());

    var health = new JdbiProviderKeyRepository(database.web()).health(key.orgId(), key.id());

    assertThat(health.orElseThrow().openDeadLetters()).isEqualTo(1);
  }

  private static DeadLetter failure(
      ProviderKeyRecord key, int attempts, Instant at, String category) {
    return new DeadLetter(
        UUID.randomUUID(),
        key.orgId(),
        key.id(),
        "ingest-key",
        at.minusSeconds(86_400),
        at,
        attempts,
        category,
        "openai: failed (HTTP 500)",
        at,
        at,
        null,
        null);
  }

  private static ProviderKeyRecord newKey() {
    Organization organization = Fixtures.organization();
    new JdbiOrganizationRepository(database.web()).insert(organization);
    ProviderKeyRecord key = Fixtures.providerKey(organization.id(), Provider.OPENAI, FIRST);
    new JdbiProviderKeyRepository(database.web()).insert(key);
    return key;
  }
}
