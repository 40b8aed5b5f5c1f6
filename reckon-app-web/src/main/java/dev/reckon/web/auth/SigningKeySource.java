package dev.reckon.web.auth;

import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Objects;

/** The source of the RSA public keys that session tokens are signed with. */
public sealed interface SigningKeySource {

  /**
   * One fixed public key, such as the "PEM Public Key" on Clerk's API keys page. It needs no
   * network. The token's {@code kid} is ignored because there is only one key.
   *
   * @param developmentKey whether this is the local development sign-in key, which production mode
   *     rejects
   */
  record PemKey(RSAPublicKey publicKey, boolean developmentKey) implements SigningKeySource {

    public PemKey {
      Objects.requireNonNull(publicKey, "publicKey");
      Pem.requireStrongRsa(publicKey);
    }

    /** Parses an X.509 {@code PUBLIC KEY} PEM block holding an RSA key of at least 2048 bits. */
    public static PemKey parse(String publicKeyPem) {
      Objects.requireNonNull(publicKeyPem, "publicKeyPem");
      return new PemKey(Pem.parseRsaPublicKey(publicKeyPem), false);
    }

    @Override
    public String toString() {
      return "PemKey[RSA "
          + publicKey.getModulus().bitLength()
          + " bits, developmentKey="
          + developmentKey
          + "]";
    }
  }

  /**
   * The instance's JSON Web Key Set, fetched over HTTP and cached per key id. A token whose {@code
   * kid} is not cached triggers a fetch, so fetches are rate-limited: a client that sends random
   * key ids gets {@link UnauthenticatedException.Reason#UNKNOWN_KEY} without a fetch once the limit
   * is reached.
   *
   * <p>NOTE: a client that keeps sending unknown key ids uses up the fetches, so after a key
   * rotation the new key can take up to {@code fetchRefillInterval} to be fetched.
   *
   * <p>The address is a {@link URI} because {@link java.net.URL#equals} resolves host names.
   *
   * @param uri for Clerk, {@code https://<frontend-api>/.well-known/jwks.json}
   * @param cacheSize how many keys are cached
   * @param cacheTtl how long a cached key is used without a fetch. A rotated-out key keeps
   *     verifying tokens for up to this long.
   * @param fetchBurst how many fetches may happen back to back
   * @param fetchRefillInterval after a burst, one more fetch is allowed per interval
   * @param timeout the connect timeout and, separately, the read timeout of a fetch
   */
  record Jwks(
      URI uri,
      int cacheSize,
      Duration cacheTtl,
      int fetchBurst,
      Duration fetchRefillInterval,
      Duration timeout)
      implements SigningKeySource {

    public static final int DEFAULT_CACHE_SIZE = 5;
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofHours(1);
    public static final int DEFAULT_FETCH_BURST = 10;
    public static final Duration DEFAULT_FETCH_REFILL_INTERVAL = Duration.ofMinutes(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public Jwks {
      Objects.requireNonNull(uri, "uri");
      if (!uri.isAbsolute()
          || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "JWKS URI '" + uri + "' is invalid: use an absolute https:// URL");
      }
      requireRange("cacheSize", cacheSize, 1, 100);
      requireRange("fetchBurst", fetchBurst, 1, 100);
      requireRange("cacheTtl", cacheTtl, Duration.ofSeconds(1), Duration.ofDays(1));
      requireRange(
          "fetchRefillInterval", fetchRefillInterval, Duration.ofSeconds(1), Duration.ofDays(1));
      requireRange("timeout", timeout, Duration.ofMillis(100), Duration.ofMinutes(1));
    }

    /** Uses the default cache size, cache lifetime, fetch rate limit and timeout. */
    public static Jwks withDefaults(URI uri) {
      return new Jwks(
          uri,
          DEFAULT_CACHE_SIZE,
          DEFAULT_CACHE_TTL,
          DEFAULT_FETCH_BURST,
          DEFAULT_FETCH_REFILL_INTERVAL,
          DEFAULT_TIMEOUT);
    }

    private static void requireRange(String name, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            "'" + name + "' must be from " + min + " to " + max + " (was " + value + ")");
      }
    }

    private static void requireRange(String name, Duration value, Duration min, Duration max) {
      Objects.requireNonNull(value, name);
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            "'" + name + "' must be from " + min + " to " + max + " (was " + value + ")");
      }
    }
  }
}
