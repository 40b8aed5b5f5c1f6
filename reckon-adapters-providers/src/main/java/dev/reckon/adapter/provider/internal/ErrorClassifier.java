package dev.reckon.adapter.provider.internal;

import dev.reckon.domain.shared.Provider;
import dev.reckon.ports.out.ProviderCallException;
import dev.reckon.ports.out.ProviderKeyRejectedException;
import dev.reckon.ports.out.ProviderRateLimitedException;
import dev.reckon.ports.out.ProviderResponseInvalidException;
import dev.reckon.ports.out.ProviderUnavailableException;
import java.time.Duration;

/**
 * Maps a non-2xx HTTP status to the exception subclass that leads the caller to replace the key,
 * retry later or give up.
 */
final class ErrorClassifier {

  static final String KEY_INVALID =
      "the provider rejected the key as invalid or revoked, so replace it with a current Admin key";
  static final String KEY_NOT_ADMIN =
      "the key is not an Admin key or cannot read usage and cost data, so create an Admin key and"
          + " replace this one";

  private ErrorClassifier() {}

  static ProviderCallException classify(
      Provider provider, int status, String errorCode, String requestId, Duration retryAfter) {
    if (status == 401) {
      return new ProviderKeyRejectedException(provider, status, errorCode, requestId, KEY_INVALID);
    }
    if (status == 403) {
      return new ProviderKeyRejectedException(
          provider, status, errorCode, requestId, KEY_NOT_ADMIN);
    }
    if (status == 429) {
      return new ProviderRateLimitedException(provider, errorCode, requestId, retryAfter);
    }
    if (status >= 500 && status <= 599) {
      return new ProviderUnavailableException(
          provider, status, errorCode, requestId, "the provider failed with a server error", null);
    }
    return new ProviderResponseInvalidException(
        provider, status, errorCode, requestId, summary(status), null);
  }

  private static String summary(int status) {
    if (status >= 300 && status <= 399) {
      return "the provider answered with a redirect, which is never followed: check the base URL";
    }
    if (status == 404) {
      return "the provider has no such endpoint: check the base URL";
    }
    if (status >= 400 && status <= 499) {
      return "the provider rejected the request";
    }
    return "the provider answered with an unexpected status";
  }
}
