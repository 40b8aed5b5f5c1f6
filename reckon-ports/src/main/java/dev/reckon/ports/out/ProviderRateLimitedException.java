package dev.reckon.ports.out;

import dev.reckon.domain.shared.Provider;
import java.time.Duration;
import java.util.Optional;

/**
 * The provider responded with 429. Retry after {@link #retryAfter()} when given, else with backoff.
 */
public final class ProviderRateLimitedException extends ProviderCallException {

  private final Duration retryAfter;

  public ProviderRateLimitedException(
      Provider provider, String errorCode, String requestId, Duration retryAfter) {
    super(provider, 429, errorCode, requestId, "rate limited", null);
    this.retryAfter = retryAfter;
  }

  /** Returns the delay from the {@code Retry-After} header, if the provider sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
