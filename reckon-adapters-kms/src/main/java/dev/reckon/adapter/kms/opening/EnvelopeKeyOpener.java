package dev.reckon.adapter.kms.opening;

import dev.reckon.adapter.kms.AesGcm;
import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.Envelope;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.ports.out.KeyBinding;
import dev.reckon.ports.out.KeyOpener;
import dev.reckon.ports.out.SealedKey;
import dev.reckon.ports.out.UnableToOpenKeyException;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Opens provider keys sealed in envelope format version 1, checking that each was sealed for
 * exactly the given row. Only the worker constructs it.
 *
 * <p>The unwrapped data key is zeroed before {@link #open} returns or throws. The decrypted
 * provider key goes to the caller, or is zeroed when decryption fails.
 */
public final class EnvelopeKeyOpener implements KeyOpener {

  static final String PAYLOAD_REJECTED = "sealed key failed authentication";

  private final DataKeyUnwrapper unwrapper;
  private final IntFunction<byte[]> plaintextAllocator;

  /** Creates an opener that unwraps data keys with {@code unwrapper}. */
  public EnvelopeKeyOpener(DataKeyUnwrapper unwrapper) {
    this(unwrapper, byte[]::new);
  }

  /** Lets a test see the array the provider key is decrypted into. */
  EnvelopeKeyOpener(DataKeyUnwrapper unwrapper, IntFunction<byte[]> plaintextAllocator) {
    this.unwrapper = Objects.requireNonNull(unwrapper, "unwrapper");
    this.plaintextAllocator = Objects.requireNonNull(plaintextAllocator, "plaintextAllocator");
  }

  @Override
  public SecretBytes open(SealedKey sealed, KeyBinding binding) {
    Objects.requireNonNull(sealed, "sealed");
    Objects.requireNonNull(binding, "binding");
    Envelope envelope = Envelope.decode(sealed.bytes());
    EncryptionContext context = EncryptionContext.forBinding(binding);

    try (SecretBytes dataKey =
        unwrapper.unwrap(envelope.masterKeyId(), envelope.wrappedDataKey(), context)) {
      return AesGcm.decrypt(
          dataKey.unsafeRevealBytesWithoutCopy(),
          envelope.iv(),
          envelope.ciphertextAndTag(),
          context.associatedData(),
          plaintextAllocator);
    } catch (GeneralSecurityException e) {
      throw new UnableToOpenKeyException(PAYLOAD_REJECTED, e);
    }
  }

  @Override
  public String toString() {
    return "EnvelopeKeyOpener[unwrapper=" + unwrapper + "]";
  }
}
