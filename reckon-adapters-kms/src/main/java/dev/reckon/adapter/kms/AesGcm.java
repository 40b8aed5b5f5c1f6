package dev.reckon.adapter.kms;

import dev.reckon.domain.secret.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.function.IntFunction;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a 96-bit IV and a 128-bit tag, the only cipher of the envelope format and of the
 * local master key.
 *
 * <p>Other key or IV sizes are rejected rather than supported: an IV that is not 96 bits goes
 * through GHASH first, which gives more ways to get GCM wrong and nothing Reckon needs. A new
 * {@link Cipher} is made for every call and never cached, so no key schedule outlives the call.
 */
public final class AesGcm {

  public static final int KEY_BYTES = 32;
  public static final int IV_BYTES = 12;
  public static final int TAG_BYTES = 16;

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private AesGcm() {}

  /**
   * Encrypts {@code plaintext} and returns the ciphertext followed by the tag. The caller must
   * never use the same key and IV twice.
   *
   * @throws GeneralSecurityException when the key is not 256 bits or the IV not 96 bits
   */
  public static byte[] encrypt(byte[] key, byte[] iv, byte[] plaintext, byte[] associatedData)
      throws GeneralSecurityException {
    return newCipher(Cipher.ENCRYPT_MODE, key, iv, associatedData).doFinal(plaintext);
  }

  /**
   * Decrypts ciphertext followed by its tag. The caller owns the returned secret and must close it.
   *
   * @throws GeneralSecurityException when the tag does not verify (for example {@link
   *     AEADBadTagException}), or the key is not 256 bits or the IV not 96 bits
   */
  public static SecretBytes decrypt(
      byte[] key, byte[] iv, byte[] ciphertextAndTag, byte[] associatedData)
      throws GeneralSecurityException {
    return decrypt(key, iv, ciphertextAndTag, associatedData, byte[]::new);
  }

  /**
   * Decrypts like {@link #decrypt(byte[], byte[], byte[], byte[])} into an array obtained from
   * {@code plaintextAllocator}, which lets a test see that array. The array is zeroed when
   * decryption fails.
   */
  public static SecretBytes decrypt(
      byte[] key,
      byte[] iv,
      byte[] ciphertextAndTag,
      byte[] associatedData,
      IntFunction<byte[]> plaintextAllocator)
      throws GeneralSecurityException {
    if (ciphertextAndTag.length < TAG_BYTES) {
      throw new AEADBadTagException("ciphertext is shorter than the tag");
    }
    Cipher cipher = newCipher(Cipher.DECRYPT_MODE, key, iv, associatedData);

    byte[] plaintext = plaintextAllocator.apply(ciphertextAndTag.length - TAG_BYTES);
    boolean handedOver = false;
    try {
      int written = cipher.doFinal(ciphertextAndTag, 0, ciphertextAndTag.length, plaintext, 0);
      if (written != plaintext.length) {
        throw new GeneralSecurityException("decrypted length differs from the expected length");
      }
      SecretBytes result = SecretBytes.takeOwnership(plaintext);
      handedOver = true;
      return result;
    } finally {
      if (!handedOver) {
        Arrays.fill(plaintext, (byte) 0);
      }
    }
  }

  private static Cipher newCipher(int mode, byte[] key, byte[] iv, byte[] associatedData)
      throws GeneralSecurityException {
    if (key.length != KEY_BYTES) {
      throw new InvalidKeyException("AES-GCM key must be 256 bits");
    }
    if (iv.length != IV_BYTES) {
      throw new InvalidAlgorithmParameterException("AES-GCM IV must be 96 bits");
    }

    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    // SecretKeySpec copies the key into an array of its own, and its destroy() only throws
    // DestroyFailedException (JDK-8160206, closed without a fix), so that copy cannot be zeroed.
    // Neither it nor the cipher's expanded key schedule is kept past the caller's operation.
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
    cipher.updateAAD(associatedData);
    return cipher;
  }
}
