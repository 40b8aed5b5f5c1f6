package dev.reckon.ports.out;

import java.util.Objects;

/**
 * The master key could not be used for a reason outside the sealed record: the key service
 * throttled or failed, refused access, or the key is disabled or scheduled for deletion. The
 * message is fixed, data-free text; the cause is chained where there is one.
 *
 * <p>A record that fails authentication is not this exception but {@link UnableToOpenKeyException}:
 * retrying cannot fix it.
 */
public final class MasterKeyUnavailableException extends RuntimeException {

  /** The cause of the failure, and whether a later retry can succeed. */
  public enum Reason {
    /** The key service asked callers to slow down. Retry with backoff. */
    THROTTLED(true),
    /** The key service failed or could not be reached. Retry with backoff. */
    SERVICE_ERROR(true),
    /** The caller's credentials may not use the key. An operator must fix the policy. */
    ACCESS_DENIED(false),
    /** The key is disabled or scheduled for deletion. An operator must act; alert. */
    KEY_DISABLED(false);

    private final boolean retryable;

    Reason(boolean retryable) {
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }

  private final Reason reason;

  public MasterKeyUnavailableException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }

  public boolean retryable() {
    return reason.retryable();
  }
}
