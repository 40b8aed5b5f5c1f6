package dev.reckon.adapter.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.secret.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.DestroyFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AesGcmTest {

  private static final byte[] KEY = bytes(32, 7);
  private static final byte[] IV = bytes(12, 9);
  private static final byte[] AAD = "reckon test aad".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MESSAGE =
      "sk-admin-FAKE-aes-gcm-test".getBytes(StandardCharsets.US_ASCII);

  @Test
  void encryptThenDecryptRoundTrips() throws Exception {
    byte[] ciphertextAndTag = AesGcm.encrypt(KEY, IV, MESSAGE, AAD);

    SecretBytes plaintext = AesGcm.decrypt(KEY, IV, ciphertextAndTag, AAD);

    assertThat(ciphertextAndTag).hasSize(MESSAGE.length + 16);
    assertThat(plaintext.unsafeRevealBytesWithoutCopy()).isEqualTo(MESSAGE);
  }

  @Test
  void decryptRejectsOtherAssociatedData() throws Exception {
    byte[] ciphertextAndTag = AesGcm.encrypt(KEY, IV, MESSAGE, AAD);
    byte[] otherAad = AAD.clone();
    otherAad[0] ^= 0x01;

    assertThatThrownBy(() -> AesGcm.decrypt(KEY, IV, ciphertextAndTag, otherAad))
        .isInstanceOf(AEADBadTagException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 16, 24, 31, 33})
  void rejectsKeyThatIsNot256Bits(int length) throws Exception {
    byte[] key = bytes(length, 1);
    byte[] ciphertextAndTag = AesGcm.encrypt(KEY, IV, MESSAGE, AAD);

    assertThatThrownBy(() -> AesGcm.encrypt(key, IV, MESSAGE, AAD))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessage("AES-GCM key must be 256 bits");
    assertThatThrownBy(() -> AesGcm.decrypt(key, IV, ciphertextAndTag, AAD))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessage("AES-GCM key must be 256 bits");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 8, 11, 13, 16})
  void rejectsIvThatIsNot96Bits(int length) throws Exception {
    byte[] iv = bytes(length, 3);
    byte[] ciphertextAndTag = AesGcm.encrypt(KEY, IV, MESSAGE, AAD);

    assertThatThrownBy(() -> AesGcm.encrypt(KEY, iv, MESSAGE, AAD))
        .isInstanceOf(InvalidAlgorithmParameterException.class)
        .hasMessage("AES-GCM IV must be 96 bits");
    assertThatThrownBy(() -> AesGcm.decrypt(KEY, iv, ciphertextAndTag, AAD))
        .isInstanceOf(InvalidAlgorithmParameterException.class)
        .hasMessage("AES-GCM IV must be 96 bits");
  }

  @Test
  void decryptRejectsCiphertextShorterThanTag() {
    byte[] tooShort = new byte[15];

    assertThatThrownBy(() -> AesGcm.decrypt(KEY, IV, tooShort, AAD))
        .isInstanceOf(AEADBadTagException.class)
        .hasMessage("ciphertext is shorter than the tag");
  }

  @Test
  void decryptZeroesPlaintextArrayWhenTagFails() throws Exception {
    byte[] ciphertextAndTag = AesGcm.encrypt(KEY, IV, MESSAGE, AAD);
    ciphertextAndTag[ciphertextAndTag.length - 1] ^= 0x01;
    RecordingAllocator allocator = new RecordingAllocator();

    assertThatThrownBy(() -> AesGcm.decrypt(KEY, IV, ciphertextAndTag, AAD, allocator))
        .isInstanceOf(AEADBadTagException.class);

    assertThat(allocator.allocated()).hasSize(1);
    assertThat(allocator.allocated().get(0)).hasSize(MESSAGE.length).containsOnly(0);
  }

  @Test
  void decryptHandsAllocatedArrayToCaller() throws Exception {
    byte[] ciphertextAndTag = AesGcm.encrypt(KEY, IV, MESSAGE, AAD);
    RecordingAllocator allocator = new RecordingAllocator();

    SecretBytes plaintext = AesGcm.decrypt(KEY, IV, ciphertextAndTag, AAD, allocator);

    assertThat(allocator.allocated()).hasSize(1);
    assertThat(plaintext.unsafeRevealBytesWithoutCopy()).isSameAs(allocator.allocated().get(0));
  }

  @Test
  void secretKeySpecCannotBeDestroyed() {
    SecretKeySpec spec = new SecretKeySpec(KEY, "AES");

    assertThatThrownBy(spec::destroy).isInstanceOf(DestroyFailedException.class);

    assertThat(spec.isDestroyed()).isFalse();
    assertThat(spec.getEncoded()).isEqualTo(KEY);
  }

  private static byte[] bytes(int length, int seed) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (seed * 31 + i);
    }
    return bytes;
  }
}
