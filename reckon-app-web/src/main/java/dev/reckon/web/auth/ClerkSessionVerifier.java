package dev.reckon.web.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import com.auth0.jwt.interfaces.Verification;
import dev.reckon.web.auth.UnauthenticatedException.Reason;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Clerk session tokens (versions 1 and 2) with java-jwt.
 *
 * <p>The checks run in this order: the token must be RS256, because the verifier is built for RS256
 * alone and so rejects {@code none}, HS256 (also when keyed with the public key) and every other
 * algorithm before looking at the signature. Then the signature, {@code exp} (required), {@code
 * nbf} and {@code iat} within the leeway, {@code iss} exactly, {@code azp} against the authorized
 * parties, {@code sub} and {@code sid} present, and {@code sts} not pending. Thread-safe.
 *
 * <p>NOTE: Clerk tokens cannot be revoked. A removed member or demoted admin keeps the old claims
 * until the token expires, by default 60 seconds plus the leeway.
 */
public final class ClerkSessionVerifier implements SessionVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(ClerkSessionVerifier.class);

  private final AuthSettings settings;
  private final JWTVerifier signatureAndTimes;

  /**
   * Creates a verifier. With a JWKS key source, no fetch happens until the first token arrives.
   *
   * @param clock the time {@code exp}, {@code nbf} and {@code iat} are compared with
   */
  public ClerkSessionVerifier(AuthSettings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");

    Algorithm rs256 = Algorithm.RSA256(keyProvider(settings.keySource()));
    Verification verification = JWT.require(rs256).acceptLeeway(settings.leeway().toSeconds());
    // Only BaseVerification can build with a given clock. Verification.build() uses the system's.
    this.signatureAndTimes = ((JWTVerifier.BaseVerification) verification).build(clock);

    LOG.info(
        "session verifier ready issuer={} key_source={} production={}",
        settings.issuer(),
        settings.keySource(),
        settings.production());
  }

  @Override
  public Caller verify(String authorizationHeader) {
    String token = BearerToken.extract(authorizationHeader);
    DecodedJWT jwt = verifySignatureAndTimes(token);
    return ClerkClaims.toCaller(jwt, settings);
  }

  private DecodedJWT verifySignatureAndTimes(String token) {
    try {
      return signatureAndTimes.verify(token);
    } catch (AlgorithmMismatchException e) {
      throw new UnauthenticatedException(Reason.UNSUPPORTED_ALGORITHM);
    } catch (SignatureVerificationException e) {
      throw new UnauthenticatedException(Reason.BAD_SIGNATURE);
    } catch (TokenExpiredException e) {
      throw new UnauthenticatedException(Reason.EXPIRED);
    } catch (IncorrectClaimException e) {
      // The verifier checks no claim values, so only nbf or iat in the future end up here.
      throw new UnauthenticatedException(Reason.NOT_YET_VALID);
    } catch (JWTVerificationException e) {
      throw new UnauthenticatedException(Reason.MALFORMED_TOKEN);
    }
  }

  private static RSAKeyProvider keyProvider(SigningKeySource source) {
    if (source instanceof SigningKeySource.PemKey pem) {
      return new FixedKeyProvider(pem.publicKey());
    }
    return new JwksKeyProvider((SigningKeySource.Jwks) source);
  }

  /** Returns the one configured key whatever {@code kid} the token names. */
  private record FixedKeyProvider(RSAPublicKey key) implements RSAKeyProvider {

    @Override
    public RSAPublicKey getPublicKeyById(String keyId) {
      return key;
    }

    @Override
    public RSAPrivateKey getPrivateKey() {
      return null;
    }

    @Override
    public String getPrivateKeyId() {
      return null;
    }
  }
}
