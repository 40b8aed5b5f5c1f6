package dev.reckon.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Reads JSON request bodies with a size limit, before any parsing. */
final class RequestBodies {

  /** Bodies of the key and organization routes are a few hundred bytes. */
  static final int MAX_BYTES = 16 * 1024;

  private RequestBodies() {}

  /**
   * Returns the body of a JSON request. The caller owns the array and zeroes it when it may hold a
   * secret.
   *
   * @throws ProblemException with 415 when the content type is not JSON, and with 413 when the body
   *     is over {@link #MAX_BYTES}
   */
  static byte[] readJson(Context ctx) {
    if (!ctx.isJson()) {
      throw new ProblemException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "the request body must be JSON: send Content-Type: application/json");
    }
    if (ctx.req().getContentLengthLong() > MAX_BYTES) {
      throw tooLarge();
    }

    byte[] body;
    try (InputStream in = ctx.req().getInputStream()) {
      body = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
    if (body.length > MAX_BYTES) {
      Arrays.fill(body, (byte) 0);
      throw tooLarge();
    }
    return body;
  }

  static ProblemException malformed(com.fasterxml.jackson.core.JsonProcessingException e) {
    var location = e.getLocation();
    String where =
        location == null
            ? ""
            : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    return new ProblemException(
        ProblemType.MALFORMED_JSON, "the request body is not valid JSON" + where);
  }

  private static ProblemException tooLarge() {
    return new ProblemException(
        ProblemType.BODY_TOO_LARGE, "the request body must be at most " + MAX_BYTES + " bytes");
  }
}
