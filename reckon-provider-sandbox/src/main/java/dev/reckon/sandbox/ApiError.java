package dev.reckon.sandbox;

import java.time.Duration;

/**
 * An error response that a handler raises; each provider's API renders it in that provider's error
 * shape.
 */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The class of error, which fixes the status and the provider's error type. */
  enum Kind {
    INVALID_REQUEST(400),
    AUTHENTICATION(401),
    PERMISSION(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    RATE_LIMITED(429),
    SERVER_ERROR(500),
    OVERLOADED(529);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  private final Kind kind;
  private final String param;
  private final String code;
  private final transient Duration retryAfter;

  private ApiError(Kind kind, String message, String param, String code, Duration retryAfter) {
    super(message, null, false, false);
    this.kind = kind;
    this.param = param;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  static ApiError of(Kind kind, String message) {
    return new ApiError(kind, message, null, null, null);
  }

  /** Returns a 400 about one request parameter. */
  static ApiError invalid(String param, String message) {
    return new ApiError(Kind.INVALID_REQUEST, message, param, null, null);
  }

  static ApiError withCode(Kind kind, String message, String code) {
    return new ApiError(kind, message, null, code, null);
  }

  static ApiError rateLimited(String message, String code, Duration retryAfter) {
    return new ApiError(Kind.RATE_LIMITED, message, null, code, retryAfter);
  }

  Kind kind() {
    return kind;
  }

  int status() {
    return kind.status();
  }

  /** Returns the parameter at fault, or null. */
  String param() {
    return param;
  }

  /** Returns OpenAI's machine-readable error code, or null. */
  String code() {
    return code;
  }

  /** Returns the value of the {@code Retry-After} header, or null to send none. */
  Duration retryAfter() {
    return retryAfter;
  }
}
