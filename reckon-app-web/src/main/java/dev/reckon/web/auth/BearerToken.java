package dev.reckon.web.auth;

import dev.reckon.web.auth.UnauthenticatedException.Reason;
import java.util.regex.Pattern;

/** Takes the token out of an {@code Authorization: Bearer <token>} header (RFC 6750). */
final class BearerToken {

  /**
   * Clerk session tokens travel in a cookie too, so they stay far below this. The cap stops a
   * client from making the verifier decode megabytes.
   */
  static final int MAX_TOKEN_CHARS = 8192;

  private static final String SCHEME = "Bearer";

  // Three base64url parts. Empty parts pass here so that an unsigned token reaches the algorithm
  // check and is reported as such.
  private static final Pattern COMPACT_JWS =
      Pattern.compile("[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*){2}");

  private BearerToken() {}

  static String extract(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.isBlank()) {
      throw new UnauthenticatedException(Reason.MISSING_HEADER);
    }

    // The scheme name is case-insensitive (RFC 9110, section 11.1).
    boolean bearer =
        authorizationHeader.length() > SCHEME.length()
            && authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
            && authorizationHeader.charAt(SCHEME.length()) == ' ';
    String token = bearer ? authorizationHeader.substring(SCHEME.length() + 1).strip() : "";
    if (token.isEmpty()) {
      throw new UnauthenticatedException(Reason.MALFORMED_HEADER);
    }

    if (token.length() > MAX_TOKEN_CHARS || !COMPACT_JWS.matcher(token).matches()) {
      throw new UnauthenticatedException(Reason.MALFORMED_TOKEN);
    }
    return token;
  }
}
