package dev.reckon.adapter.kms.opening;

import dev.reckon.adapter.kms.AesGcm;
import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.local.LocalMasterKeyFile;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.ports.out.UnableToOpenKeyException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Unwraps data keys that a {@link LocalMasterKeyFile} wrapped, accepting only the key ids of the
 * versions in that file.
 */
public final class LocalMasterKeyUnwrapper implements DataKeyUnwrapper {

  static final String UNKNOWN_MASTER_KEY = "sealed key names an unknown master key";
  static final String INVALID_WRAPPED_KEY_LENGTH = "wrapped data key has an invalid length";
  static final String WRAPPED_KEY_REJECTED = "wrapped data key failed authentication";

  private static final int WRAPPED_BYTES = AesGcm.IV_BYTES + AesGcm.KEY_BYTES + AesGcm.TAG_BYTES;

  private final LocalMasterKeyFile keyFile;
  private final IntFunction<byte[]> dataKeyAllocator;

  /** Creates an unwrapper over the versions of {@code keyFile}. */
  public LocalMasterKeyUnwrapper(LocalMasterKeyFile keyFile) {
    this(keyFile, byte[]::new);
  }

  /** Lets a test see every array a data key is unwrapped into. */
  LocalMasterKeyUnwrapper(LocalMasterKeyFile keyFile, IntFunction<byte[]> dataKeyAllocator) {
    this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
    this.dataKeyAllocator = Objects.requireNonNull(dataKeyAllocator, "dataKeyAllocator");
  }

  @Override
  public SecretBytes unwrap(String masterKeyId, byte[] wrappedDataKey, EncryptionContext context) {
    byte[] masterKey =
        keyFile
            .unsafeRevealMasterKeyWithoutCopy(masterKeyId)
            .orElseThrow(() -> new UnableToOpenKeyException(UNKNOWN_MASTER_KEY));
    if (wrappedDataKey.length != WRAPPED_BYTES) {
      throw new UnableToOpenKeyException(INVALID_WRAPPED_KEY_LENGTH);
    }

    byte[] iv = Arrays.copyOf(wrappedDataKey, AesGcm.IV_BYTES);
    byte[] ciphertextAndTag = Arrays.copyOfRange(wrappedDataKey, AesGcm.IV_BYTES, WRAPPED_BYTES);
    try {
      return AesGcm.decrypt(
          masterKey, iv, ciphertextAndTag, context.associatedData(), dataKeyAllocator);
    } catch (GeneralSecurityException e) {
      throw new UnableToOpenKeyException(WRAPPED_KEY_REJECTED, e);
    }
  }

  @Override
  public String toString() {
    return "LocalMasterKeyUnwrapper[" + keyFile + "]";
  }
}
