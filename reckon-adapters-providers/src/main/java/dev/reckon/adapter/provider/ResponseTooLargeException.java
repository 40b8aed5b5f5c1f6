package dev.reckon.adapter.provider;

import java.io.IOException;

/** A response body, after decompression, was longer than the configured limit. */
public final class ResponseTooLargeException extends IOException {

  private final long limit;

  ResponseTooLargeException(long limit) {
    super("response body exceeds the limit of " + limit + " bytes");
    this.limit = limit;
  }

  /** Returns the limit in bytes of the decoded body. */
  public long limit() {
    return limit;
  }
}
