package dev.reckon.adapter.kms;

import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.out.KeyBinding;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Fake provider keys and bindings for tests, in domain words. */
public final class TestKeys {

  public static final String FAKE_OPENAI_KEY = "sk-admin-FAKE-0123456789abcdefghijklmnop-test";

  private TestKeys() {}

  /** Returns a binding with new random ids. */
  public static KeyBinding newBinding(Provider provider) {
    return new KeyBinding(
        new OrgId(UUID.randomUUID()), new ProviderKeyId(UUID.randomUUID()), provider);
  }

  public static KeyBinding withOrg(KeyBinding binding, OrgId orgId) {
    return new KeyBinding(orgId, binding.keyId(), binding.provider());
  }

  public static KeyBinding withKeyId(KeyBinding binding, ProviderKeyId keyId) {
    return new KeyBinding(binding.orgId(), keyId, binding.provider());
  }

  public static KeyBinding withProvider(KeyBinding binding, Provider provider) {
    return new KeyBinding(binding.orgId(), binding.keyId(), provider);
  }

  public static SecretBytes fakeKey(String text) {
    return SecretBytes.copyOf(text.getBytes(StandardCharsets.UTF_8));
  }

  public static SecretBytes fakeOpenAiKey() {
    return fakeKey(FAKE_OPENAI_KEY);
  }

  public static String utf8(SecretBytes secret) {
    return new String(secret.unsafeRevealBytesWithoutCopy(), StandardCharsets.UTF_8);
  }
}
