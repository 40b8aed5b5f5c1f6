package dev.reckon.adapter.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.secret.SecretBytes;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GeneratedDataKeyTest {

  @Test
  void closeZeroesPlaintextDataKey() {
    byte[] plaintext = filled(32, 0x5A);
    GeneratedDataKey dataKey =
        new GeneratedDataKey(SecretBytes.takeOwnership(plaintext), new byte[60], "local:v1");

    dataKey.close();

    assertThat(plaintext).containsOnly(0);
  }

  @Test
  void constructorZeroesPlaintextWhenInvalid() {
    byte[] plaintext = filled(16, 0x5A);
    SecretBytes secret = SecretBytes.takeOwnership(plaintext);

    assertThatThrownBy(() -> new GeneratedDataKey(secret, new byte[60], "local:v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'plaintext' must be a 256-bit data key (was 16 bytes)");

    assertThat(plaintext).containsOnly(0);
    assertThat(secret.isDestroyed()).isTrue();
  }

  @Test
  void constructorRejectsWrappedKeyLength() {
    SecretBytes first = SecretBytes.takeOwnership(new byte[32]);
    SecretBytes second = SecretBytes.takeOwnership(new byte[32]);

    assertThatThrownBy(() -> new GeneratedDataKey(first, new byte[0], "local:v1"))
        .hasMessage("'wrappedDataKey' must be 1 to 4096 bytes (was 0 bytes)");
    assertThatThrownBy(() -> new GeneratedDataKey(second, new byte[4097], "local:v1"))
        .hasMessage("'wrappedDataKey' must be 1 to 4096 bytes (was 4097 bytes)");
  }

  @Test
  void constructorRejectsMasterKeyIdLength() {
    SecretBytes first = SecretBytes.takeOwnership(new byte[32]);
    SecretBytes second = SecretBytes.takeOwnership(new byte[32]);

    assertThatThrownBy(() -> new GeneratedDataKey(first, new byte[60], ""))
        .hasMessage("'masterKeyId' must be 1 to 255 UTF-8 bytes (was 0 bytes)");
    assertThatThrownBy(() -> new GeneratedDataKey(second, new byte[60], "é".repeat(128)))
        .hasMessage("'masterKeyId' must be 1 to 255 UTF-8 bytes (was 256 bytes)");
  }

  @Test
  void wrappedDataKeyIsCopiedInAndOut() {
    byte[] wrapped = filled(60, 0x11);
    GeneratedDataKey dataKey =
        new GeneratedDataKey(SecretBytes.takeOwnership(new byte[32]), wrapped, "local:v1");

    wrapped[0] = 0;
    dataKey.wrappedDataKey()[1] = 0;

    assertThat(dataKey.wrappedDataKey()).isEqualTo(filled(60, 0x11));
  }

  @Test
  void toStringIsRedacted() {
    GeneratedDataKey dataKey =
        new GeneratedDataKey(
            SecretBytes.takeOwnership(filled(32, 0x41)), filled(60, 0x42), "local:v1");

    String text = dataKey.toString();

    assertThat(text).isEqualTo("GeneratedDataKey[masterKeyId=local:v1, plaintext=redacted]");
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
