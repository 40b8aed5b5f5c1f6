package dev.reckon.ports.out;

import dev.reckon.domain.shared.Provider;

/**
 * The provider responded, but not with something Reckon can store: malformed or truncated JSON, a
 * repeated or missing page cursor, a body over the size limit, or a 4xx status other than 401, 403
 * and 429. Retrying the same request is unlikely to help; the run fails without writing.
 */
public final class ProviderResponseInvalidException extends ProviderCallException {

  public ProviderResponseInvalidException(
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
    return false;
  }
}
