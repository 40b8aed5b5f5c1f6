package dev.reckon.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Encodes and decodes the opaque {@code next_page} cursor of the usage and cost endpoints. A cursor
 * contains the start of the next bucket and a fingerprint of the query, so a cursor replayed with
 * other parameters is rejected instead of silently mixing two queries.
 */
final class PageCursor {

  private static final String PREFIX = "page_";
  private static final String VERSION = "v1";

  private PageCursor() {}

  static String encode(long nextBucketStart, String fingerprint) {
    String payload = VERSION + ":" + nextBucketStart + ":" + fingerprint;
    return PREFIX
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the bucket start a cursor points at; rejects malformed or foreign cursors. */
  static long decode(String cursor, String fingerprint) {
    String[] parts = payload(cursor).split(":", -1);
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      throw malformed();
    }
    if (!parts[2].equals(fingerprint)) {
      throw ApiError.invalid(
          "page",
          "Invalid value for 'page': the cursor belongs to a query with other parameters;"
              + " repeat the same parameters when following next_page");
    }
    try {
      return Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      throw malformed();
    }
  }

  private static String payload(String cursor) {
    if (!cursor.startsWith(PREFIX)) {
      throw malformed();
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(cursor.substring(PREFIX.length()));
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
  }

  private static ApiError malformed() {
    return ApiError.invalid(
        "page", "Invalid value for 'page': not a cursor returned as next_page by this endpoint");
  }
}
