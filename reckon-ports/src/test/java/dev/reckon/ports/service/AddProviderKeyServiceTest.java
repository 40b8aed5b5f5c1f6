package dev.reckon.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.key.InvalidProviderKeyException;
import dev.reckon.domain.key.ProviderKeyStatus;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.AddProviderKeyCommand;
import dev.reckon.ports.in.AddedProviderKey;
import dev.reckon.ports.in.NoSuchOrganizationException;
import dev.reckon.ports.in.ReplaceProviderKeyCommand;
import dev.reckon.ports.out.KeyBinding;
import dev.reckon.ports.out.KeySealer;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.out.SealedKey;
import dev.reckon.ports.testing.Fixtures;
import dev.reckon.ports.testing.InMemoryOrganizationRepository;
import dev.reckon.ports.testing.InMemoryProviderKeyRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AddProviderKeyServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final UUID KEY_ID = UUID.fromString("00000000-0000-4000-8000-00000000fa4e");

  private final InMemoryOrganizationRepository organizations = new InMemoryOrganizationRepository();
  private final InMemoryProviderKeyRepository keys = new InMemoryProviderKeyRepository();
  private final List<KeyBinding> sealedFor = new ArrayList<>();
  private final KeySealer sealer =
      (plaintext, binding) -> {
        assertThat(plaintext.isDestroyed()).isFalse();
        sealedFor.add(binding);
        return new SealedKey(new byte[] {1, 2, 3});
      };
  private final AddProviderKeyService service =
      new AddProviderKeyService(
          organizations, keys, sealer, () -> KEY_ID, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void addSealsForNewRow() {
    Organization organization = Fixtures.organization();
    organizations.insert(organization);
    SecretBytes secret = secret("sk-admin-FAKE-000000000000000000wxyz");

    AddedProviderKey added =
        service.add(
            new AddProviderKeyCommand(
                organization.id(), Provider.OPENAI, " billing ", secret, "user_FAKE"));

    assertThat(added.id().value()).isEqualTo(KEY_ID);
    assertThat(added.hint().display()).isEqualTo("…wxyz");
    assertThat(sealedFor)
        .containsExactly(new KeyBinding(organization.id(), added.id(), Provider.OPENAI));
    ProviderKeyRecord stored = keys.find(organization.id(), added.id()).orElseThrow();
    assertThat(stored.label()).isEqualTo("billing");
    assertThat(stored.status()).isEqualTo(ProviderKeyStatus.ACTIVE);
    assertThat(stored.createdAt()).isEqualTo(NOW);
    assertThat(secret.isDestroyed()).isTrue();
  }

  @Test
  void invalidKeyIsZeroedAndNotStored() {
    Organization organization = Fixtures.organization();
    organizations.insert(organization);
    SecretBytes secret = secret("sk-proj-FAKE-000000000000000000wxyz");

    assertThatThrownBy(
            () ->
                service.add(
                    new AddProviderKeyCommand(
                        organization.id(), Provider.OPENAI, "x", secret, "cli")))
        .isInstanceOf(InvalidProviderKeyException.class);

    assertThat(secret.isDestroyed()).isTrue();
    assertThat(sealedFor).isEmpty();
    assertThat(keys.list(organization.id())).isEmpty();
  }

  @Test
  void unknownOrganizationIsRejectedAndKeyZeroed() {
    SecretBytes secret = secret("sk-admin-FAKE-000000000000000000wxyz");
    OrgId unknown = new OrgId(UUID.fromString("00000000-0000-4000-8000-000000000000"));

    assertThatThrownBy(
            () ->
                service.add(
                    new AddProviderKeyCommand(unknown, Provider.OPENAI, "x", secret, "cli")))
        .isInstanceOf(NoSuchOrganizationException.class)
        .hasMessage("organization 00000000-0000-4000-8000-000000000000 not found");

    assertThat(secret.isDestroyed()).isTrue();
  }

  @Test
  void replaceResealsForTheSameRowAndReactivates() {
    Organization organization = Fixtures.organization();
    organizations.insert(organization);
    AddedProviderKey added =
        service.add(
            new AddProviderKeyCommand(
                organization.id(),
                Provider.OPENAI,
                "billing",
                secret("sk-admin-FAKE-000000000000000000wxyz"),
                "cli"));
    keys.markNeedsAttention(organization.id(), added.id(), "the key was revoked");
    SecretBytes replacement = secret("sk-admin-FAKE-111111111111111111abcd");

    AddedProviderKey replaced =
        service.replace(new ReplaceProviderKeyCommand(organization.id(), added.id(), replacement));

    assertThat(replaced.id()).isEqualTo(added.id());
    assertThat(replaced.hint().display()).isEqualTo("…abcd");
    assertThat(sealedFor).hasSize(2).allMatch(binding -> binding.keyId().equals(added.id()));
    ProviderKeyRecord stored = keys.find(organization.id(), added.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(ProviderKeyStatus.ACTIVE);
    assertThat(stored.hint().display()).isEqualTo("…abcd");
    assertThat(replacement.isDestroyed()).isTrue();
  }

  @Test
  void replaceChecksTheShapeForTheStoredProvider() {
    Organization organization = Fixtures.organization();
    organizations.insert(organization);
    AddedProviderKey added =
        service.add(
            new AddProviderKeyCommand(
                organization.id(),
                Provider.OPENAI,
                "billing",
                secret("sk-admin-FAKE-000000000000000000wxyz"),
                "cli"));
    SecretBytes anthropicKey = secret("sk-ant-admin01-FAKE-0000000000000abcd");

    assertThatThrownBy(
            () ->
                service.replace(
                    new ReplaceProviderKeyCommand(organization.id(), added.id(), anthropicKey)))
        .isInstanceOf(InvalidProviderKeyException.class);

    assertThat(anthropicKey.isDestroyed()).isTrue();
    assertThat(keys.find(organization.id(), added.id()).orElseThrow().hint().display())
        .isEqualTo("…wxyz");
  }

  private static SecretBytes secret(String text) {
    return SecretBytes.copyOf(text.getBytes(StandardCharsets.UTF_8));
  }
}
