package dev.reckon.web.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings for session token verification: the accepted issuer, where the signing keys come from,
 * which origins may have requested a token, and how much clock skew is tolerated.
 *
 * <p>Production mode rejects the development sign-in issuer and key, an issuer or JWKS URL that is
 * not {@code https}, so a development default cannot reach production unnoticed.
 *
 * @param production whether the app runs in production mode
 * @param issuer the exact {@code iss} every token must carry. For Clerk, the instance's Frontend
 *     API URL, such as {@code https://clerk.example.com}.
 * @param keySource the signing keys
 * @param authorizedParties the origins accepted in a token's {@code azp} claim, such as {@code
 *     https://app.example.com}. Clerk sets {@code azp} to the origin of the browser request that
 *     created the token. When a token carries {@code azp}, the value must be in this set, so an
 *     empty set rejects every token that has one.
 * @param acceptMissingAuthorizedParty whether a token without {@code azp} is accepted. Clerk omits
 *     it for tokens created outside a browser. The default is true: the API reads the token from
 *     the {@code Authorization} header, which a browser never adds to a cross-site request by
 *     itself, so {@code azp} is a second line of defence here rather than the CSRF protection it is
 *     for cookie sessions.
 * @param leeway the clock skew tolerated on {@code exp}, {@code nbf} and {@code iat}, in whole
 *     seconds from 0 to 60
 */
public record AuthSettings(
    boolean production,
    String issuer,
    SigningKeySource keySource,
    Set<String> authorizedParties,
    boolean acceptMissingAuthorizedParty,
    Duration leeway) {

  /** The issuer of development sign-in tokens. The {@code .invalid} name can never resolve. */
  public static final String DEVELOPMENT_ISSUER = "https://reckon.dev.invalid";

  /** The same skew the Clerk SDKs allow by default. */
  public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(5);

  public static final Duration MAX_LEEWAY = Duration.ofSeconds(60);

  /** See {@code acceptMissingAuthorizedParty} above for why tokens without {@code azp} pass. */
  public static final boolean DEFAULT_ACCEPT_MISSING_AUTHORIZED_PARTY = true;

  private static final Pattern ORIGIN = Pattern.compile("https?://[^/\\s?#]+");

  public AuthSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(keySource, "keySource");
    Objects.requireNonNull(leeway, "leeway");
    Objects.requireNonNull(authorizedParties, "authorizedParties");
    authorizedParties = Set.copyOf(authorizedParties);
    if (issuer.isBlank() || !issuer.strip().equals(issuer)) {
      throw new IllegalArgumentException(
          "issuer '" + issuer + "' is invalid: use the Frontend API URL, with no spaces");
    }
    authorizedParties.forEach(AuthSettings::requireOrigin);
    requireLeeway(leeway);
    if (production) {
      requireProductionReady(issuer, keySource);
    }
  }

  /** Returns settings for one PEM public key, the default leeway and no authorized parties. */
  public static AuthSettings fromPem(boolean production, String issuer, String publicKeyPem) {
    return new AuthSettings(
        production,
        issuer,
        SigningKeySource.PemKey.parse(publicKeyPem),
        Set.of(),
        DEFAULT_ACCEPT_MISSING_AUTHORIZED_PARTY,
        DEFAULT_LEEWAY);
  }

  /**
   * Returns settings for the keys at {@code jwksUri}, with the default cache, fetch rate limit and
   * leeway, and no authorized parties.
   */
  public static AuthSettings fromJwks(boolean production, String issuer, URI jwksUri) {
    return new AuthSettings(
        production,
        issuer,
        SigningKeySource.Jwks.withDefaults(jwksUri),
        Set.of(),
        DEFAULT_ACCEPT_MISSING_AUTHORIZED_PARTY,
        DEFAULT_LEEWAY);
  }

  /** Returns settings that accept the tokens {@link DevTokens} issues with {@code keys}. */
  public static AuthSettings development(DevSigningKeys keys) {
    return new AuthSettings(
        false,
        DEVELOPMENT_ISSUER,
        new SigningKeySource.PemKey(keys.publicKey(), true),
        Set.of(),
        DEFAULT_ACCEPT_MISSING_AUTHORIZED_PARTY,
        DEFAULT_LEEWAY);
  }

  public AuthSettings withAuthorizedParties(Set<String> origins) {
    return new AuthSettings(
        production, issuer, keySource, origins, acceptMissingAuthorizedParty, leeway);
  }

  public AuthSettings withMissingAuthorizedPartyAccepted(boolean accepted) {
    return new AuthSettings(production, issuer, keySource, authorizedParties, accepted, leeway);
  }

  public AuthSettings withLeeway(Duration newLeeway) {
    return new AuthSettings(
        production, issuer, keySource, authorizedParties, acceptMissingAuthorizedParty, newLeeway);
  }

  private static void requireOrigin(String origin) {
    if (origin == null || !ORIGIN.matcher(origin).matches()) {
      throw new IllegalArgumentException(
          "authorized party '"
              + origin
              + "' is invalid: use an origin such as https://app.example.com,"
              + " with no path or trailing slash");
    }
  }

  private static void requireLeeway(Duration leeway) {
    if (leeway.isNegative() || leeway.compareTo(MAX_LEEWAY) > 0 || leeway.getNano() != 0) {
      throw new IllegalArgumentException(
          "'leeway' must be whole seconds from 0 to 60 (was " + leeway + ")");
    }
  }

  private static void requireProductionReady(String issuer, SigningKeySource keySource) {
    if (issuer.equals(DEVELOPMENT_ISSUER)) {
      throw new IllegalArgumentException(
          "issuer '"
              + issuer
              + "' is the development sign-in issuer, which production mode rejects:"
              + " set the Clerk instance's Frontend API URL");
    }
    if (!issuer.startsWith("https://")) {
      throw new IllegalArgumentException(
          "issuer '" + issuer + "' is invalid in production mode: use an https:// URL");
    }
    if (keySource instanceof SigningKeySource.PemKey pem && pem.developmentKey()) {
      throw new IllegalArgumentException(
          "the development sign-in key is rejected in production mode:"
              + " configure the Clerk instance's PEM public key or JWKS URL");
    }
    if (keySource instanceof SigningKeySource.Jwks jwks
        && !"https".equals(jwks.uri().getScheme())) {
      throw new IllegalArgumentException(
          "JWKS URI '" + jwks.uri() + "' is invalid in production mode: use an https:// URL");
    }
  }
}
