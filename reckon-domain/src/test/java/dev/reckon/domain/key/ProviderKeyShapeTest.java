package dev.reckon.domain.key;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.Provider;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProviderKeyShapeTest {

  @Test
  void acceptsAdminKeysOfEachProvider() {
    assertThatCode(() -> check(Provider.OPENAI, "sk-admin-FAKE0000000000000000abcd"))
        .doesNotThrowAnyException();
    assertThatCode(() -> check(Provider.ANTHROPIC, "sk-ant-admin01-FAKE000000000000abcd"))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsOpenAiProjectKey() {
    String key = "sk-proj-FAKE00000000000000000abcd";

    assertThatThrownBy(() -> check(Provider.OPENAI, key))
        .isInstanceOf(InvalidProviderKeyException.class)
        .hasMessageStartingWith(
            "the openai key is not an admin key: expected the prefix sk-admin-.")
        .hasMessageNotContaining("FAKE");
  }

  @Test
  void rejectsAnthropicWorkspaceKey() {
    assertThatThrownBy(() -> check(Provider.ANTHROPIC, "sk-ant-api03-FAKE0000000000000abcd"))
        .isInstanceOf(InvalidProviderKeyException.class)
        .hasMessageStartingWith(
            "the anthropic key is not an admin key: expected the prefix sk-ant-admin01-.");
  }

  @Test
  void rejectsKeyOfTheOtherProvider() {
    assertThatThrownBy(() -> check(Provider.ANTHROPIC, "sk-admin-FAKE0000000000000000abcd"))
        .hasMessage(
            "the anthropic key has an unknown format: expected an admin key starting with"
                + " sk-ant-admin01-");
  }

  @Test
  void rejectsEmptyShortAndPaddedKeys() {
    assertThatThrownBy(() -> check(Provider.OPENAI, ""))
        .hasMessage("the openai key is missing: paste the admin key on standard input");
    assertThatThrownBy(() -> check(Provider.OPENAI, "sk-admin-FAKE"))
        .hasMessage(
            "the openai key has an invalid length (13 bytes): expected 20 to 512; check that it was"
                + " copied whole");
    assertThatThrownBy(() -> check(Provider.OPENAI, "sk-admin-FAKE000000000000000 abcd"))
        .hasMessageStartingWith(
            "the openai key contains a character that provider keys never contain");
  }

  private static void check(Provider provider, String key) {
    try (SecretBytes secret = SecretBytes.copyOf(key.getBytes(StandardCharsets.UTF_8))) {
      ProviderKeyShape.requireAdminKey(provider, secret);
    }
  }
}
