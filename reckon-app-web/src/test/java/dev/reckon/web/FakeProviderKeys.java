package dev.reckon.web;

import dev.reckon.domain.key.KeyHint;
import dev.reckon.domain.key.ProviderKeyShape;
import dev.reckon.domain.key.ProviderKeyStatus;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.in.AddProviderKeyCommand;
import dev.reckon.ports.in.AddProviderKeyUseCase;
import dev.reckon.ports.in.AddedProviderKey;
import dev.reckon.ports.in.ManageProviderKeysUseCase;
import dev.reckon.ports.in.NoSuchProviderKeyException;
import dev.reckon.ports.in.ProviderKeySummary;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Provider keys in memory, one list per organization. Adding checks the key's shape like the real
 * service, records the key it received (for leak tests only) and zeroes it.
 */
final class FakeProviderKeys implements ManageProviderKeysUseCase, AddProviderKeyUseCase {

  static final ProviderKeyId KEY_A =
      new ProviderKeyId(UUID.fromString("11111111-0000-4000-8000-00000000000a"));
  static final ProviderKeyId KEY_B =
      new ProviderKeyId(UUID.fromString("22222222-0000-4000-8000-00000000000b"));
  static final ProviderKeyId NEW_KEY =
      new ProviderKeyId(UUID.fromString("33333333-0000-4000-8000-00000000000c"));
  static final Instant CREATED = Instant.parse("2025-03-01T09:30:00Z");

  final Map<OrgId, List<ProviderKeySummary>> keysByOrg = new ConcurrentHashMap<>();
  final List<String> receivedKeys = new CopyOnWriteArrayList<>();
  final List<SecretBytes> receivedSecrets = new CopyOnWriteArrayList<>();

  FakeProviderKeys() {
    keysByOrg.put(
        FakeOrganizations.ORG_A,
        new CopyOnWriteArrayList<>(
            List.of(summary(KEY_A, Provider.OPENAI, "Production", "x9Qa", "user_admin_a"))));
    keysByOrg.put(
        FakeOrganizations.ORG_B,
        new CopyOnWriteArrayList<>(
            List.of(summary(KEY_B, Provider.ANTHROPIC, "Globex", "Zz01", "user_admin_b"))));
  }

  @Override
  public List<ProviderKeySummary> list(OrgId orgId) {
    return List.copyOf(keysByOrg.getOrDefault(orgId, List.of()));
  }

  @Override
  public void delete(OrgId orgId, ProviderKeyId keyId) {
    List<ProviderKeySummary> keys = keysByOrg.getOrDefault(orgId, new ArrayList<>());
    if (!keys.removeIf(key -> key.id().equals(keyId))) {
      throw new NoSuchProviderKeyException("provider key " + keyId + " not found");
    }
  }

  @Override
  public AddedProviderKey add(AddProviderKeyCommand command) {
    try (SecretBytes key = command.key()) {
      receivedSecrets.add(key);
      ProviderKeyShape.requireAdminKey(command.provider(), key);
      receivedKeys.add(new String(key.unsafeRevealBytesWithoutCopy(), StandardCharsets.UTF_8));
      KeyHint hint = KeyHint.of(key);
      keysByOrg
          .get(command.orgId())
          .add(
              new ProviderKeySummary(
                  NEW_KEY,
                  command.provider(),
                  command.label(),
                  hint,
                  ProviderKeyStatus.ACTIVE,
                  null,
                  null,
                  command.createdBy(),
                  CREATED));
      return new AddedProviderKey(NEW_KEY, hint);
    }
  }

  int count(OrgId orgId) {
    return keysByOrg.get(orgId).size();
  }

  private static ProviderKeySummary summary(
      ProviderKeyId id, Provider provider, String label, String hint, String createdBy) {
    return new ProviderKeySummary(
        id,
        provider,
        label,
        new KeyHint(hint),
        ProviderKeyStatus.ACTIVE,
        null,
        Instant.parse("2025-03-02T00:15:00Z"),
        createdBy,
        CREATED);
  }
}
