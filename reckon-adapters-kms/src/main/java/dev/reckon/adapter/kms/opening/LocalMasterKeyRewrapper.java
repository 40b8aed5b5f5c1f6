package dev.reckon.adapter.kms.opening;

import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.Envelope;
import dev.reckon.adapter.kms.local.LocalMasterKeyFile;
import dev.reckon.domain.secret.SecretBytes;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Re-wraps data keys with the current version of a {@link LocalMasterKeyFile}. The data key is
 * unwrapped in memory for the moment it takes to wrap it again and is zeroed before {@link #rewrap}
 * returns or throws; the provider key is never decrypted.
 */
public final class LocalMasterKeyRewrapper implements DataKeyRewrapper {

  private final LocalMasterKeyFile keyFile;
  private final LocalMasterKeyUnwrapper unwrapper;

  public LocalMasterKeyRewrapper(LocalMasterKeyFile keyFile) {
    this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
    this.unwrapper = new LocalMasterKeyUnwrapper(keyFile);
  }

  @Override
  public String currentMasterKeyId() {
    return keyFile.currentKeyId();
  }

  @Override
  public Envelope rewrap(Envelope envelope, EncryptionContext context) {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(context, "context");
    try (SecretBytes dataKey =
        unwrapper.unwrap(envelope.masterKeyId(), envelope.wrappedDataKey(), context)) {
      return keyFile.rewrapWithCurrentVersion(
          envelope, dataKey.unsafeRevealBytesWithoutCopy(), context);
    }
  }

  @Override
  public List<String> retireUnused(Set<String> inUse) {
    return keyFile.retireVersionsExcept(inUse);
  }

  @Override
  public String toString() {
    return "LocalMasterKeyRewrapper[" + keyFile + "]";
  }
}
