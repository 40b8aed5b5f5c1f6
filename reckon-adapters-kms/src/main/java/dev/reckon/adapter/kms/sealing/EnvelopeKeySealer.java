package dev.reckon.adapter.kms.sealing;

import dev.reckon.adapter.kms.AesGcm;
import dev.reckon.adapter.kms.DataKeyGenerator;
import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.Envelope;
import dev.reckon.adapter.kms.GeneratedDataKey;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.ports.out.KeyBinding;
import dev.reckon.ports.out.KeySealer;
import dev.reckon.ports.out.SealedKey;
import dev.reckon.ports.out.UnableToSealKeyException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Seals provider keys in envelope format version 1: AES-256-GCM under a new data key from the
 * master key for every call, with the row's {@link EncryptionContext} as associated data.
 *
 * <p>Data keys are never cached or reused, so two seals of the same key share no data key, wrapped
 * key, IV or ciphertext. The plaintext data key is zeroed before {@link #seal} returns or throws.
 */
public final class EnvelopeKeySealer implements KeySealer {

  private final DataKeyGenerator dataKeys;
  private final SecureRandom random;

  /** Creates a sealer that takes data keys from {@code dataKeys} and IVs from a SecureRandom. */
  public EnvelopeKeySealer(DataKeyGenerator dataKeys) {
    this(dataKeys, new SecureRandom());
  }

  EnvelopeKeySealer(DataKeyGenerator dataKeys, SecureRandom random) {
    this.dataKeys = Objects.requireNonNull(dataKeys, "dataKeys");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public SealedKey seal(SecretBytes plaintext, KeyBinding binding) {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(binding, "binding");
    if (plaintext.length() == 0) {
      throw new IllegalArgumentException("'plaintext' must not be empty");
    }
    EncryptionContext context = EncryptionContext.forBinding(binding);

    try (GeneratedDataKey dataKey = generateDataKey(context)) {
      byte[] iv = new byte[AesGcm.IV_BYTES];
      random.nextBytes(iv);

      byte[] ciphertextAndTag =
          AesGcm.encrypt(
              dataKey.unsafeRevealPlaintextWithoutCopy(),
              iv,
              plaintext.unsafeRevealBytesWithoutCopy(),
              context.associatedData());
      Envelope envelope =
          new Envelope(dataKey.masterKeyId(), dataKey.wrappedDataKey(), iv, ciphertextAndTag);
      return new SealedKey(envelope.encode());
    } catch (GeneralSecurityException e) {
      throw new UnableToSealKeyException("provider key could not be encrypted", e);
    }
  }

  @Override
  public String toString() {
    return "EnvelopeKeySealer[dataKeys=" + dataKeys + "]";
  }

  private GeneratedDataKey generateDataKey(EncryptionContext context) {
    return Objects.requireNonNull(
        dataKeys.generateDataKey(context), "data key generator returned null");
  }
}
