package dev.reckon.sandbox;

/** Turns an injected failure into the error a real provider sends in that situation. */
final class InjectedErrors {

  private InjectedErrors() {}

  /** Returns the error of a failure; a truncated body is not an error and has none. */
  static ApiError of(InjectedFailure failure) {
    return switch (failure.kind()) {
      case RATE_LIMITED ->
          ApiError.rateLimited(
              "Rate limit reached for the admin API of this organization; retry later",
              "rate_limit_exceeded",
              failure.retryAfter());
      case SERVER_ERROR ->
          ApiError.of(
              ApiError.Kind.SERVER_ERROR,
              "The server had an error while processing the request; retry it");
      case OVERLOADED ->
          ApiError.of(ApiError.Kind.OVERLOADED, "The API is temporarily overloaded; retry later");
      case TRUNCATED_BODY ->
          throw new IllegalArgumentException("a truncated body is sent, not rendered as an error");
    };
  }
}
