package dev.reckon.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.kms.GeneratedDataKey;
import dev.reckon.domain.secret.SecretBytes;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The secret types behave as the architecture rule assumes: redacted, identity-equal, local. */
class SecretTypesTest {

  private static final String FAKE_KEY = "sk-admin-FAKE-secret-types-test-0000";

  @Test
  void everyListedSecretTypeExists() throws ClassNotFoundException {
    for (String name : ReckonRules.SECRET_TYPES) {
      assertThat(Class.forName(name)).as(name).isNotNull();
    }
  }

  @Test
  void secretBytesPrintsRedacted() {
    try (SecretBytes secret = fakeKey()) {
      assertThat(secret.toString()).doesNotContain("FAKE").doesNotContain("sk-admin");
    }
  }

  @Test
  void secretBytesComparesByIdentity() {
    try (SecretBytes first = fakeKey();
        SecretBytes second = fakeKey()) {
      assertThat(first).isNotEqualTo(second);
      assertThat(first).isEqualTo(first);
    }
  }

  @Test
  void secretBytesRefusesSerialization() {
    try (SecretBytes secret = fakeKey()) {
      assertThatThrownBy(() -> serialize(secret)).isInstanceOf(NotSerializableException.class);
    }
  }

  @Test
  void generatedDataKeyPrintsRedacted() {
    byte[] plaintext = new byte[32];
    Arrays.fill(plaintext, (byte) 0x5A);
    String hex = HexFormat.of().formatHex(plaintext);

    try (GeneratedDataKey key =
        new GeneratedDataKey(SecretBytes.copyOf(plaintext), new byte[] {1, 2, 3}, "local:v1")) {
      assertThat(key.toString()).doesNotContain(hex).doesNotContain("5a5a").contains("redacted");
      assertThatThrownBy(() -> serialize(key)).isInstanceOf(NotSerializableException.class);
    }
  }

  private static SecretBytes fakeKey() {
    return SecretBytes.copyOf(FAKE_KEY.getBytes(StandardCharsets.UTF_8));
  }

  private static void serialize(Object value) throws Exception {
    try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
      out.writeObject(value);
    }
  }
}
