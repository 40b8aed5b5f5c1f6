package dev.reckon.adapter.kms.opening;

import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.ports.out.KeyBinding;

/**
 * A deliberately broken unwrapper that always unwraps with the context of one fixed row, whatever
 * context the opener requests. It shows that the AES-GCM associated data alone still rejects a
 * sealed key moved to another row, as it must if a master key service ever ignored its context.
 */
final class ContextIgnoringUnwrapper implements DataKeyUnwrapper {

  private final DataKeyUnwrapper delegate;
  private final EncryptionContext wrappedFor;

  ContextIgnoringUnwrapper(DataKeyUnwrapper delegate, KeyBinding wrappedFor) {
    this.delegate = delegate;
    this.wrappedFor = EncryptionContext.forBinding(wrappedFor);
  }

  @Override
  public SecretBytes unwrap(String masterKeyId, byte[] wrappedDataKey, EncryptionContext context) {
    return delegate.unwrap(masterKeyId, wrappedDataKey, wrappedFor);
  }
}
