package dev.reckon.adapter.provider.internal;

import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.Provider;
import dev.reckon.ports.out.ProviderKeyRejectedException;

/** Turns the admin key into a header value, at the last moment and only when it is well formed. */
final class AdminKeyHeader {

  static final int MAX_KEY_LENGTH = 512;

  private AdminKeyHeader() {}

  /**
   * Returns the key as a String for one request header.
   *
   * <p>The bytes are checked first because OkHttp (5.5.1) quotes an invalid header value in its
   * exception message unless it treats the header as sensitive, and {@code x-api-key} is not.
   */
  static String reveal(Provider provider, SecretBytes adminKey) {
    byte[] bytes = adminKey.unsafeRevealBytesWithoutCopy();
    boolean valid = bytes.length > 0 && bytes.length <= MAX_KEY_LENGTH;
    for (int i = 0; valid && i < bytes.length; i++) {
      valid = bytes[i] >= 0x21 && bytes[i] <= 0x7e;
    }
    if (!valid) {
      throw new ProviderKeyRejectedException(
          provider,
          0,
          null,
          null,
          "the stored key is empty, too long or contains characters no provider key has, so"
              + " replace it with a current Admin key");
    }
    return adminKey.unsafeRevealAsStringForHeader();
  }
}
