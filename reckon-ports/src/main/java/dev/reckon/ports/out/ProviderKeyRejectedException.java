package dev.reckon.ports.out;

import dev.reckon.domain.shared.Provider;

/**
 * The provider refused the admin key (HTTP 401 or 403): it is revoked, wrong, or not an admin key.
 * Retrying cannot help; an admin must replace the key.
 */
public final class ProviderKeyRejectedException extends ProviderCallException {

  private final String reason;

  public ProviderKeyRejectedException(
      Provider provider, int status, String errorCode, String requestId, String reason) {
    super(provider, status, errorCode, requestId, reason, null);
    this.reason = reason;
  }

  /** Returns a reason safe to show admins, such as "the key is not an admin key". */
  public String reason() {
    return reason;
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
