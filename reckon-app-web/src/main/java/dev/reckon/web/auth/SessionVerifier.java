package dev.reckon.web.auth;

/** Turns a request's {@code Authorization} header into the verified {@link Caller}. */
public interface SessionVerifier {

  /**
   * Verifies the session token in {@code authorizationHeader} ({@code Bearer <token>}) and returns
   * who is calling. Implementations are thread-safe.
   *
   * @param authorizationHeader the header value as received, or null when the request has none
   * @throws UnauthenticatedException when the header is missing or malformed, or the token fails
   *     any check. Its {@link UnauthenticatedException#reason()} names the check.
   * @throws UnableToFetchSigningKeysException when the verifier reads keys from a JWKS URL and
   *     cannot fetch them
   */
  Caller verify(String authorizationHeader);
}
