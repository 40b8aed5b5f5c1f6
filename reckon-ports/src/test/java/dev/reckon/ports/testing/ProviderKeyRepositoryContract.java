package dev.reckon.ports.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.key.KeyHint;
import dev.reckon.domain.key.ProviderKeyStatus;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.out.KeyHealth;
import dev.reckon.ports.out.KeyRef;
import dev.reckon.ports.out.OrganizationRepository;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.out.ProviderKeyRepository;
import dev.reckon.ports.out.SealedKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ProviderKeyRepository} must have. */
public abstract class ProviderKeyRepositoryContract {

  private static final Instant CREATED = Instant.parse("2026-03-01T09:15:30.123456Z");

  /** Returns where organizations are stored, because a key needs an existing organization. */
  protected abstract OrganizationRepository organizations();

  /** Returns the repository under test. Tests may call it several times. */
  protected abstract ProviderKeyRepository keys();

  @Test
  void findReturnsInsertedKey() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.ANTHROPIC, CREATED);

    keys().insert(key);

    assertThat(keys().find(key.orgId(), key.id())).contains(key);
  }

  @Test
  void findInOtherOrganizationReturnsEmpty() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys().insert(key);

    var found = keys().find(newOrg(), key.id());

    assertThat(found).isEmpty();
  }

  @Test
  void insertRejectsExistingId() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys().insert(key);

    assertThatThrownBy(() -> keys().insert(key))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("provider key " + key.id() + " already exists");
  }

  @Test
  void insertAllowsSameIdInOtherOrganization() {
    ProviderKeyRecord first = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    ProviderKeyRecord second =
        withId(Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED), first.id());

    keys().insert(first);
    keys().insert(second);

    assertThat(keys().find(first.orgId(), first.id())).contains(first);
    assertThat(keys().find(second.orgId(), first.id())).contains(second);
  }

  @Test
  void listReturnsOrganizationKeysOldestFirst() {
    OrgId orgId = newOrg();
    ProviderKeyRecord newer = Fixtures.providerKey(orgId, Provider.OPENAI, CREATED.plusSeconds(60));
    ProviderKeyRecord older = Fixtures.providerKey(orgId, Provider.ANTHROPIC, CREATED);
    ProviderKeyRecord otherOrg = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);

    keys().insert(newer);
    keys().insert(older);
    keys().insert(otherOrg);

    assertThat(keys().list(orgId)).containsExactly(older, newer);
  }

  @Test
  void listOfOrganizationWithoutKeysIsEmpty() {
    OrgId orgId = newOrg();

    var listed = keys().list(orgId);

    assertThat(listed).isEmpty();
  }

  @Test
  void markNeedsAttentionStoresStatusAndReason() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys().insert(key);

    keys().markNeedsAttention(key.orgId(), key.id(), "The provider rejected the key (401).");
    keys().markNeedsAttention(key.orgId(), key.id(), "The provider rejected the key (401).");

    ProviderKeyRecord stored = keys().find(key.orgId(), key.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(ProviderKeyStatus.NEEDS_ATTENTION);
    assertThat(stored.attentionReason()).isEqualTo("The provider rejected the key (401).");
    assertThat(stored.sealed()).isEqualTo(key.sealed());
  }

  @Test
  void markNeedsAttentionIgnoresKeyOfOtherOrganization() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys().insert(key);

    keys().markNeedsAttention(newOrg(), key.id(), "The provider rejected the key (401).");

    assertThat(keys().find(key.orgId(), key.id())).contains(key);
  }

  @Test
  void replaceSealedReactivatesWithNewEnvelope() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys().insert(key);
    keys().markNeedsAttention(key.orgId(), key.id(), "The provider rejected the key (401).");
    SealedKey replacement = new SealedKey(new byte[] {9, 8, 7});

    keys().replaceSealed(key.orgId(), key.id(), replacement, new KeyHint("NEW1"));

    ProviderKeyRecord stored = keys().find(key.orgId(), key.id()).orElseThrow();
    assertThat(stored.sealed()).isEqualTo(replacement);
    assertThat(stored.hint()).isEqualTo(new KeyHint("NEW1"));
    assertThat(stored.status()).isEqualTo(ProviderKeyStatus.ACTIVE);
    assertThat(stored.attentionReason()).isNull();
    assertThat(stored.createdAt()).isEqualTo(key.createdAt());
  }

  @Test
  void replaceSealedIgnoresKeyOfOtherOrganization() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys().insert(key);

    keys().replaceSealed(newOrg(), key.id(), new SealedKey(new byte[] {1}), new KeyHint("NEW1"));

    assertThat(keys().find(key.orgId(), key.id())).contains(key);
  }

  @Test
  void swapSealedReplacesOnlyTheExpectedEnvelope() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys().insert(key);
    keys().markNeedsAttention(key.orgId(), key.id(), "The provider rejected the key (401).");
    SealedKey rewrapped = new SealedKey(new byte[] {4, 5, 6});

    boolean swapped = keys().swapSealed(key.orgId(), key.id(), key.sealed(), rewrapped);

    ProviderKeyRecord stored = keys().find(key.orgId(), key.id()).orElseThrow();
    assertThat(swapped).isTrue();
    assertThat(stored.sealed()).isEqualTo(rewrapped);
    assertThat(stored.status()).isEqualTo(ProviderKeyStatus.NEEDS_ATTENTION);
    assertThat(stored.attentionReason()).isEqualTo("The provider rejected the key (401).");
    assertThat(stored.hint()).isEqualTo(key.hint());
  }

  @Test
  void swapSealedLeavesKeyReplacedMeanwhile() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys().insert(key);
    SealedKey replacedByAdmin = new SealedKey(new byte[] {7, 7, 7});
    keys().replaceSealed(key.orgId(), key.id(), replacedByAdmin, new KeyHint("NEW1"));

    boolean swapped =
        keys().swapSealed(key.orgId(), key.id(), key.sealed(), new SealedKey(new byte[] {1}));

    assertThat(swapped).isFalse();
    assertThat(keys().find(key.orgId(), key.id()).orElseThrow().sealed())
        .isEqualTo(replacedByAdmin);
  }

  @Test
  void swapSealedIgnoresKeyOfOtherOrganization() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys().insert(key);

    boolean swapped =
        keys().swapSealed(newOrg(), key.id(), key.sealed(), new SealedKey(new byte[] {1}));

    assertThat(swapped).isFalse();
    assertThat(keys().find(key.orgId(), key.id())).contains(key);
  }

  @Test
  void recordRunStateShowsInHealth() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys().insert(key);
    Instant failed = Instant.parse("2026-03-02T10:00:00Z");
    Instant next = Instant.parse("2026-03-02T10:05:00Z");

    keys().recordRunState(key.orgId(), key.id(), 2, failed, "rate_limited", next);

    KeyHealth health = keys().health(key.orgId(), key.id()).orElseThrow();
    assertThat(health.consecutiveFailures()).isEqualTo(2);
    assertThat(health.lastFailureAt()).isEqualTo(failed);
    assertThat(health.lastErrorCategory()).isEqualTo("rate_limited");
    assertThat(health.nextRunAt()).isEqualTo(next);
  }

  @Test
  void successResetsFailuresButKeepsLastFailureTime() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys().insert(key);
    Instant failed = Instant.parse("2026-03-02T10:00:00Z");
    keys().recordRunState(key.orgId(), key.id(), 3, failed, "server_error", null);

    keys().recordRunState(key.orgId(), key.id(), 0, null, null, failed.plusSeconds(3600));

    KeyHealth health = keys().health(key.orgId(), key.id()).orElseThrow();
    assertThat(health.consecutiveFailures()).isZero();
    assertThat(health.lastFailureAt()).isEqualTo(failed);
    assertThat(health.lastErrorCategory()).isNull();
    assertThat(health.nextRunAt()).isEqualTo(failed.plusSeconds(3600));
  }

  @Test
  void healthOfOtherOrganizationsKeyIsEmpty() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys().insert(key);

    assertThat(keys().health(newOrg(), key.id())).isEmpty();
  }

  @Test
  void markPausedStopsPolling() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys().insert(key);

    keys().markPaused(key.orgId(), key.id());
    keys().markPaused(key.orgId(), key.id());

    assertThat(keys().find(key.orgId(), key.id()).orElseThrow().status())
        .isEqualTo(ProviderKeyStatus.PAUSED);
    assertThat(keys().listActiveKeys()).doesNotContain(new KeyRef(key.orgId(), key.id()));
  }

  @Test
  void recordSuccessStoresTimeToMicroseconds() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys().insert(key);

    keys().recordSuccess(key.orgId(), key.id(), Instant.parse("2026-03-02T10:00:00.123456789Z"));

    assertThat(keys().find(key.orgId(), key.id()).orElseThrow().lastSuccessAt())
        .isEqualTo(Instant.parse("2026-03-02T10:00:00.123456Z"));
  }

  @Test
  void recordSuccessIgnoresKeyOfOtherOrganization() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys().insert(key);

    keys().recordSuccess(newOrg(), key.id(), CREATED.plusSeconds(3600));

    assertThat(keys().find(key.orgId(), key.id()).orElseThrow().lastSuccessAt()).isNull();
  }

  @Test
  void listActiveKeysSpansOrganizations() {
    ProviderKeyRecord first = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    ProviderKeyRecord second = Fixtures.providerKey(newOrg(), Provider.ANTHROPIC, CREATED);
    ProviderKeyRecord rejected = Fixtures.providerKey(first.orgId(), Provider.OPENAI, CREATED);
    keys().insert(first);
    keys().insert(second);
    keys().insert(rejected);

    keys().markNeedsAttention(rejected.orgId(), rejected.id(), "The provider rejected the key.");

    assertThat(keys().listActiveKeys())
        .contains(new KeyRef(first.orgId(), first.id()), new KeyRef(second.orgId(), second.id()))
        .doesNotContain(new KeyRef(rejected.orgId(), rejected.id()));
  }

  @Test
  void deleteRemovesKeyOfOrganization() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    ProviderKeyRecord remaining = Fixtures.providerKey(key.orgId(), Provider.ANTHROPIC, CREATED);
    keys().insert(key);
    keys().insert(remaining);

    boolean deleted = keys().delete(key.orgId(), key.id());

    assertThat(deleted).isTrue();
    assertThat(keys().find(key.orgId(), key.id())).isEmpty();
    assertThat(keys().list(key.orgId())).containsExactly(remaining);
    assertThat(keys().listActiveKeys()).doesNotContain(new KeyRef(key.orgId(), key.id()));
  }

  @Test
  void deleteOfKeyInOtherOrganizationReturnsFalse() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys().insert(key);

    boolean deleted = keys().delete(newOrg(), key.id());

    assertThat(deleted).isFalse();
    assertThat(keys().find(key.orgId(), key.id())).contains(key);
  }

  @Test
  void deleteTwiceReturnsFalseTheSecondTime() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys().insert(key);

    boolean first = keys().delete(key.orgId(), key.id());
    boolean second = keys().delete(key.orgId(), key.id());

    assertThat(first).isTrue();
    assertThat(second).isFalse();
  }

  @Test
  void deleteKeepsSameIdInOtherOrganization() {
    ProviderKeyRecord first = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    ProviderKeyRecord second =
        withId(Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED), first.id());
    keys().insert(first);
    keys().insert(second);

    keys().delete(first.orgId(), first.id());

    assertThat(keys().find(second.orgId(), first.id())).contains(second);
  }

  private OrgId newOrg() {
    Organization organization = Fixtures.organization();
    organizations().insert(organization);
    return organization.id();
  }

  private static ProviderKeyRecord withId(ProviderKeyRecord key, ProviderKeyId id) {
    return new ProviderKeyRecord(
        id,
        key.orgId(),
        key.provider(),
        key.label(),
        key.hint(),
        key.status(),
        key.attentionReason(),
        key.sealed(),
        key.createdBy(),
        key.createdAt(),
        key.lastSuccessAt());
  }
}
