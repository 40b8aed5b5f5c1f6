package dev.reckon.adapter.kms.opening;

import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.ports.out.UnableToOpenKeyException;

/**
 * The opening side of a master key: turns a wrapped data key back into its plaintext. It lives in
 * the opening package, which the web tier's jar does not contain.
 *
 * <p>This is the shape of AWS KMS {@code Decrypt}: an implementation passes the master key id as
 * the pinned {@code KeyId}, the context as the {@code EncryptionContext}, and checks that the key
 * id KMS returns is the pinned one.
 */
public interface DataKeyUnwrapper {

  /**
   * Unwraps {@code wrappedDataKey} with exactly the master key named {@code masterKeyId} and only
   * when it was wrapped for {@code context}. The caller owns the result and must close it.
   *
   * @throws UnableToOpenKeyException when the master key id is not one this unwrapper accepts, or
   *     the wrapped key is altered, bound to another context or made under another master key. The
   *     message is fixed and never contains key material
   */
  SecretBytes unwrap(String masterKeyId, byte[] wrappedDataKey, EncryptionContext context);
}
