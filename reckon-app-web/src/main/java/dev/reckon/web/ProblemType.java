package dev.reckon.web;

/**
 * The kinds of error the API returns, each with a stable {@code type} URI that clients may match
 * on. The URIs identify the kind and need not resolve.
 */
enum ProblemType {
  VALIDATION("validation", 400, "Invalid request"),
  MALFORMED_JSON("malformed-json", 400, "Malformed JSON"),
  INVALID_PROVIDER_KEY("invalid-provider-key", 400, "Invalid provider key"),
  UNAUTHENTICATED("unauthenticated", 401, "Unauthenticated"),
  FORBIDDEN("forbidden", 403, "Forbidden"),
  NO_ACTIVE_ORGANIZATION("no-active-organization", 403, "No active organization"),
  NOT_FOUND("not-found", 404, "Not found"),
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
  BODY_TOO_LARGE("body-too-large", 413, "Request body too large"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
  INTERNAL("internal", 500, "Internal server error"),
  UNAVAILABLE("unavailable", 503, "Service unavailable");

  static final String URI_PREFIX = "https://reckon.dev/problems/";

  private final String slug;
  private final int status;
  private final String title;

  ProblemType(String slug, int status, String title) {
    this.slug = slug;
    this.status = status;
    this.title = title;
  }

  String uri() {
    return URI_PREFIX + slug;
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }

  /** Returns the type for a status the app does not name more precisely. */
  static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status && type != NO_ACTIVE_ORGANIZATION) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL : VALIDATION;
  }
}
