package dev.reckon.web.auth;

import com.auth0.jwk.InvalidPublicKeyException;
import com.auth0.jwk.Jwk;
import com.auth0.jwk.JwkException;
import com.auth0.jwk.JwkProvider;
import com.auth0.jwk.JwkProviderBuilder;
import com.auth0.jwk.NetworkException;
import com.auth0.jwk.RateLimitReachedException;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import dev.reckon.web.auth.UnauthenticatedException.Reason;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up a token's signing key by {@code kid} in a JSON Web Key Set, through jwks-rsa's cache and
 * fetch rate limit. Failed lookups are not cached, so every unknown {@code kid} costs one fetch
 * until the rate limit stops further fetches.
 */
final class JwksKeyProvider implements RSAKeyProvider {

  private static final Logger LOG = LoggerFactory.getLogger(JwksKeyProvider.class);

  private final JwkProvider keys;
  private final URI uri;

  JwksKeyProvider(SigningKeySource.Jwks settings) {
    this.uri = settings.uri();
    int timeoutMillis = Math.toIntExact(settings.timeout().toMillis());
    try {
      this.keys =
          new JwkProviderBuilder(uri.toURL())
              .cached(settings.cacheSize(), settings.cacheTtl())
              .rateLimited(
                  settings.fetchBurst(),
                  settings.fetchRefillInterval().toMillis(),
                  TimeUnit.MILLISECONDS)
              .timeouts(timeoutMillis, timeoutMillis)
              .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("JWKS URI '" + uri + "' is not a valid URL", e);
    }
  }

  /**
   * Returns the RSA signing key named {@code keyId}.
   *
   * @throws UnauthenticatedException with {@link Reason#UNKNOWN_KEY} when the set has no usable RSA
   *     signing key of that id, or when the fetch rate limit is reached
   * @throws UnableToFetchSigningKeysException when the set cannot be fetched
   */
  @Override
  public RSAPublicKey getPublicKeyById(String keyId) {
    // Clerk always names the key. Without a kid, jwks-rsa would pick a set's only key.
    if (keyId == null || keyId.isBlank()) {
      throw new UnauthenticatedException(Reason.UNKNOWN_KEY);
    }
    try {
      return rsaSigningKey(keys.get(keyId));
    } catch (RateLimitReachedException e) {
      LOG.debug("JWKS fetch skipped, rate limit reached jwks_uri={}", uri);
      throw new UnauthenticatedException(Reason.UNKNOWN_KEY);
    } catch (NetworkException e) {
      throw new UnableToFetchSigningKeysException(
          "signing keys could not be fetched from " + uri, e);
    } catch (JwkException e) {
      throw new UnauthenticatedException(Reason.UNKNOWN_KEY);
    }
  }

  @Override
  public RSAPrivateKey getPrivateKey() {
    return null;
  }

  @Override
  public String getPrivateKeyId() {
    return null;
  }

  private static RSAPublicKey rsaSigningKey(Jwk jwk) throws InvalidPublicKeyException {
    boolean forSigning = jwk.getUsage() == null || "sig".equals(jwk.getUsage());
    boolean forRs256 = jwk.getAlgorithm() == null || "RS256".equals(jwk.getAlgorithm());
    PublicKey key = forSigning && forRs256 ? jwk.getPublicKey() : null;
    if (!(key instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < Pem.MIN_RSA_BITS) {
      throw new UnauthenticatedException(Reason.UNKNOWN_KEY);
    }
    return rsa;
  }
}
