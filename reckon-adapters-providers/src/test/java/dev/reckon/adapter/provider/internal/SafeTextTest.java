package dev.reckon.adapter.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.domain.secret.SecretBytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafeTextTest {

  private static final SecretBytes KEY =
      SecretBytes.copyOf("sk-admin-FAKEk3y9Qw".getBytes(StandardCharsets.US_ASCII));

  @Test
  void identifierPasses() {
    assertThat(SafeText.token("req_011CFAKE0001", KEY)).isEqualTo("req_011CFAKE0001");
  }

  @Test
  void echoedKeyIsDropped() {
    assertThat(SafeText.token("sk-admin-FAKEk3y9Qw", KEY)).isNull();
  }

  @Test
  void fiveCharacterPieceOfKeyIsDropped() {
    assertThat(SafeText.token("code_k3y9Q", KEY)).isNull();
  }

  @Test
  void fourCharacterOverlapPasses() {
    assertThat(SafeText.token("code_k3y9", KEY)).isEqualTo("code_k3y9");
  }

  @Test
  void textThatIsNotIdentifierIsDropped() {
    assertThat(SafeText.token("two words", KEY)).isNull();
    assertThat(SafeText.token("<b>", KEY)).isNull();
    assertThat(SafeText.token("x".repeat(101), KEY)).isNull();
    assertThat(SafeText.token(null, KEY)).isNull();
  }
}
