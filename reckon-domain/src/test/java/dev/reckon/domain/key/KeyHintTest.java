package dev.reckon.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.secret.SecretBytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyHintTest {

  @Test
  void hintShowsLastFourCharactersOfLongKey() {
    KeyHint hint = hintOf("sk-admin-FAKE-0000000000000wxyz");

    assertThat(hint.lastChars()).isEqualTo("wxyz");
    assertThat(hint.display()).isEqualTo("…wxyz");
  }

  @ParameterizedTest
  @CsvSource({
    "'', ''",
    "a, ''",
    "ab, ''",
    "abc, c",
    "abcdef, ef",
    "abcdefghi, ghi",
    "abcdefghijkl, ijkl",
  })
  void shortKeysShowAtMostAThird(String key, String expected) {
    assertThat(hintOf(key).lastChars()).isEqualTo(expected);
  }

  @Test
  void nonAsciiKeyIsCutOnCodePoints() {
    KeyHint hint = hintOf("ключ-FAKE-😀😀😀😀");

    assertThat(hint.lastChars()).isEqualTo("😀😀😀😀");
  }

  @Test
  void hintLeavesTheSecretUsable() {
    SecretBytes key =
        SecretBytes.copyOf("sk-admin-FAKE-0000000000000wxyz".getBytes(StandardCharsets.UTF_8));

    KeyHint.of(key);

    assertThat(key.isDestroyed()).isFalse();
    assertThat(key.length()).isEqualTo(31);
  }

  @Test
  void hintRejectsMoreThanFourCharacters() {
    assertThatThrownBy(() -> new KeyHint("abcde"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a key hint shows at most 4 characters");
  }

  private static KeyHint hintOf(String key) {
    try (SecretBytes secret = SecretBytes.copyOf(key.getBytes(StandardCharsets.UTF_8))) {
      return KeyHint.of(secret);
    }
  }
}
