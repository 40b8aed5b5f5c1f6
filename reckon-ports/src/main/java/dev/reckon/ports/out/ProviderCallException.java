package dev.reckon.ports.out;

import dev.reckon.domain.shared.Provider;
import java.util.Objects;

/**
 * A provider call failed. Each subclass tells the caller what to do next. The message names the
 * provider, HTTP status, provider error code and request id where known, and never contains a key
 * or a response body.
 */
public abstract sealed class ProviderCallException extends RuntimeException
    permits ProviderKeyRejectedException,
        ProviderRateLimitedException,
        ProviderUnavailableException,
        ProviderResponseInvalidException {

  private final Provider provider;
  private final int status;
  private final String errorCode;
  private final String requestId;

  protected ProviderCallException(
      Provider provider,
      int status,
      String errorCode,
      String requestId,
      String summary,
      Throwable cause) {
    super(describe(provider, status, errorCode, requestId, summary), cause);
    this.provider = Objects.requireNonNull(provider, "provider");
    this.status = status;
    this.errorCode = errorCode;
    this.requestId = requestId;
  }

  public Provider provider() {
    return provider;
  }

  /** Returns the HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** Returns the provider's error code or type, or null when it sent none. */
  public String errorCode() {
    return errorCode;
  }

  /** Returns the provider's request id, or null when it sent none. */
  public String requestId() {
    return requestId;
  }

  /** Returns whether trying the same call again later may succeed. */
  public abstract boolean isRetryable();

  private static String describe(
      Provider provider, int status, String errorCode, String requestId, String summary) {
    StringBuilder text = new StringBuilder(provider.id()).append(": ").append(summary);
    if (status > 0) {
      text.append(" (HTTP ").append(status);
      if (errorCode != null) {
        text.append(", ").append(errorCode);
      }
      if (requestId != null) {
        text.append(", request id ").append(requestId);
      }
      text.append(')');
    }
    return text.toString();
  }
}
