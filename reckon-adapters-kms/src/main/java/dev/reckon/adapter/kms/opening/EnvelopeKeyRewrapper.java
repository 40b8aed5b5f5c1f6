package dev.reckon.adapter.kms.opening;

import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.Envelope;
import dev.reckon.ports.out.KeyBinding;
import dev.reckon.ports.out.KeyRewrapper;
import dev.reckon.ports.out.SealedKey;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Re-wraps provider keys sealed in envelope format version 1: the wrapped data key and master key
 * id change, the IV and the encrypted provider key are copied as they are.
 */
public final class EnvelopeKeyRewrapper implements KeyRewrapper {

  private final DataKeyRewrapper dataKeys;

  public EnvelopeKeyRewrapper(DataKeyRewrapper dataKeys) {
    this.dataKeys = Objects.requireNonNull(dataKeys, "dataKeys");
  }

  @Override
  public String currentMasterKeyId() {
    return dataKeys.currentMasterKeyId();
  }

  @Override
  public String masterKeyIdOf(SealedKey sealed) {
    Objects.requireNonNull(sealed, "sealed");
    return Envelope.decode(sealed.bytes()).masterKeyId();
  }

  @Override
  public SealedKey rewrap(SealedKey sealed, KeyBinding binding) {
    Objects.requireNonNull(sealed, "sealed");
    Objects.requireNonNull(binding, "binding");
    Envelope envelope = Envelope.decode(sealed.bytes());
    Envelope rewrapped = dataKeys.rewrap(envelope, EncryptionContext.forBinding(binding));
    return new SealedKey(rewrapped.encode());
  }

  @Override
  public List<String> retireUnused(Set<String> inUse) {
    return dataKeys.retireUnused(inUse);
  }

  @Override
  public String toString() {
    return "EnvelopeKeyRewrapper[dataKeys=" + dataKeys + "]";
  }
}
