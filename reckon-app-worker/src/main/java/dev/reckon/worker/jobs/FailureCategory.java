package dev.reckon.worker.jobs;

import dev.reckon.adapter.postgres.UnableToAccessDatabaseException;
import dev.reckon.ports.out.MasterKeyUnavailableException;
import dev.reckon.ports.out.ProviderCallException;
import dev.reckon.ports.out.ProviderKeyRejectedException;
import dev.reckon.ports.out.ProviderRateLimitedException;
import dev.reckon.ports.out.ProviderResponseInvalidException;
import dev.reckon.ports.out.UnableToOpenKeyException;
import java.util.Locale;

/** The kinds of job failure, each with whether another attempt can help. */
enum FailureCategory {
  RATE_LIMITED(true),
  PROVIDER_UNAVAILABLE(true),
  PROVIDER_RESPONSE_INVALID(true),
  KEY_REJECTED(false),
  SEALED_KEY_INVALID(false),
  MASTER_KEY_UNAVAILABLE(true),
  MASTER_KEY_DISABLED(false),
  MASTER_KEY_ACCESS_DENIED(false),
  DATABASE_UNAVAILABLE(true),
  INTERNAL_ERROR(true);

  private final boolean retryable;

  FailureCategory(boolean retryable) {
    this.retryable = retryable;
  }

  boolean retryable() {
    return retryable;
  }

  /** Returns the stable lower-case word stored in dead letters and shown by the API. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static FailureCategory of(Throwable failure) {
    if (failure instanceof ProviderRateLimitedException) {
      return RATE_LIMITED;
    }
    if (failure instanceof ProviderKeyRejectedException) {
      return KEY_REJECTED;
    }
    if (failure instanceof ProviderResponseInvalidException) {
      return PROVIDER_RESPONSE_INVALID;
    }
    if (failure instanceof ProviderCallException call) {
      return call.isRetryable() ? PROVIDER_UNAVAILABLE : PROVIDER_RESPONSE_INVALID;
    }
    if (failure instanceof UnableToOpenKeyException) {
      return SEALED_KEY_INVALID;
    }
    if (failure instanceof MasterKeyUnavailableException unavailable) {
      return switch (unavailable.reason()) {
        case THROTTLED, SERVICE_ERROR -> MASTER_KEY_UNAVAILABLE;
        case KEY_DISABLED -> MASTER_KEY_DISABLED;
        case ACCESS_DENIED -> MASTER_KEY_ACCESS_DENIED;
      };
    }
    if (failure instanceof UnableToAccessDatabaseException) {
      return DATABASE_UNAVAILABLE;
    }
    return INTERNAL_ERROR;
  }
}
