package dev.reckon.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure that the sandbox returns in place of a normal response, for testing a client's retry
 * and error handling.
 *
 * @param kind what goes wrong
 * @param retryAfter the {@code Retry-After} value of a rate-limit failure, or null to send none
 */
public record InjectedFailure(Kind kind, Duration retryAfter) {

  /** The kind of an injected failure. */
  public enum Kind {
    /** Status 429 in the provider's error shape. */
    RATE_LIMITED,
    /** Status 500 in the provider's error shape. */
    SERVER_ERROR,
    /** Status 529, Anthropic's "overloaded", in the provider's error shape. */
    OVERLOADED,
    /**
     * Status 200 whose {@code Content-Length} promises the whole body, but the connection closes
     * after half of it.
     */
    TRUNCATED_BODY
  }

  public InjectedFailure {
    Objects.requireNonNull(kind, "kind");
    if (retryAfter != null && kind != Kind.RATE_LIMITED) {
      throw new IllegalArgumentException(
          "'retryAfter' applies only to RATE_LIMITED failures (was " + kind + ")");
    }
    if (retryAfter != null && (retryAfter.isNegative() || retryAfter.toMillis() % 1000 != 0)) {
      throw new IllegalArgumentException(
          "'retryAfter' must be a whole, non-negative number of seconds (was " + retryAfter + ")");
    }
  }

  /** Returns a 429 with a {@code Retry-After} header of the given whole seconds. */
  public static InjectedFailure rateLimited(Duration retryAfter) {
    return new InjectedFailure(Kind.RATE_LIMITED, Objects.requireNonNull(retryAfter));
  }

  /** Returns a 429 without a {@code Retry-After} header. */
  public static InjectedFailure rateLimitedWithoutRetryAfter() {
    return new InjectedFailure(Kind.RATE_LIMITED, null);
  }

  /** Returns a 500. */
  public static InjectedFailure serverError() {
    return new InjectedFailure(Kind.SERVER_ERROR, null);
  }

  /** Returns a 529. */
  public static InjectedFailure overloaded() {
    return new InjectedFailure(Kind.OVERLOADED, null);
  }

  /** Returns a 200 whose body is cut off halfway. */
  public static InjectedFailure truncatedBody() {
    return new InjectedFailure(Kind.TRUNCATED_BODY, null);
  }
}
