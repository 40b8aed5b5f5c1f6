package dev.reckon.ports.out;

import dev.reckon.domain.shared.Provider;

/**
 * The provider could not be reached or failed on its side: a 5xx status, a timeout or a connection
 * failure. Retry with backoff.
 */
public final class ProviderUnavailableException extends ProviderCallException {

  public ProviderUnavailableException(
      Provider provider,
      int status,
      String errorCode,
      String requestId,
      String summary,
      Throwable cause) {
    super(provider, status, errorCode, requestId, summary, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
