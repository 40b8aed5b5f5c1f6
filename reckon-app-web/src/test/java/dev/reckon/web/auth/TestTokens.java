package dev.reckon.web.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Key pairs generated per test run and Clerk-shaped session tokens signed with them. */
final class TestTokens {

  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String ISSUER = "https://clerk.reckon-test.invalid";
  static final String APP_ORIGIN = "https://app.reckon-test.invalid";
  static final String KEY_ID = "ins_test_key_1";
  static final String USER_ID = "user_FAKE_2abc";
  static final String SESSION_ID = "sess_FAKE_2def";
  static final String ORG_ID = "org_FAKE_2ghi";

  static final KeyPair KEYS = generateRsa(2048);
  static final KeyPair OTHER_KEYS = generateRsa(2048);

  private TestTokens() {}

  static KeyPair generateRsa(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Algorithm rs256(KeyPair keys) {
    return Algorithm.RSA256((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate());
  }

  /** Claims of a valid version 2 token: issued 10 s ago, expiring in 50 s, org role admin. */
  static Map<String, Object> v2Claims(String role) {
    Map<String, Object> claims = baseClaims();
    claims.put("v", 2);
    claims.put("o", organization(role));
    return claims;
  }

  static Map<String, Object> organization(String role) {
    Map<String, Object> org = new LinkedHashMap<>();
    org.put("id", ORG_ID);
    org.put("slg", "acme");
    org.put("rol", role);
    org.put("per", "org:sys_memberships:read");
    return org;
  }

  /** Claims of a valid version 1 token, which has no "v" claim. */
  static Map<String, Object> v1Claims(String orgRole) {
    Map<String, Object> claims = baseClaims();
    claims.put("org_id", ORG_ID);
    claims.put("org_slug", "acme");
    claims.put("org_role", orgRole);
    return claims;
  }

  static Map<String, Object> baseClaims() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("sub", USER_ID);
    claims.put("sid", SESSION_ID);
    claims.put("iat", NOW.getEpochSecond() - 10);
    claims.put("nbf", NOW.getEpochSecond() - 10);
    claims.put("exp", NOW.getEpochSecond() + 50);
    claims.put("jti", "jti_FAKE_1");
    return claims;
  }

  static String sign(Map<String, Object> claims) {
    return sign(claims, rs256(KEYS));
  }

  static String sign(Map<String, Object> claims, Algorithm algorithm) {
    return JWT.create().withKeyId(KEY_ID).withPayload(claims).sign(algorithm);
  }

  static String signWithKeyId(Map<String, Object> claims, String keyId) {
    return JWT.create().withKeyId(keyId).withPayload(claims).sign(rs256(KEYS));
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }

  /** Settings that accept tokens signed with {@link #KEYS} and issued by {@link #ISSUER}. */
  static AuthSettings pemSettings() {
    return AuthSettings.fromPem(false, ISSUER, publicKeyPem(KEYS));
  }

  static String publicKeyPem(KeyPair keys) {
    String body =
        Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPublic().getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }

  /** Returns a JSON Web Key Set with the public key of {@code keys} under {@code keyId}. */
  static String jwks(String keyId, String use, KeyPair keys) {
    RSAPublicKey key = (RSAPublicKey) keys.getPublic();
    return "{\"keys\":[{\"kid\":\""
        + keyId
        + "\",\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\""
        + use
        + "\",\"n\":\""
        + base64Url(key.getModulus())
        + "\",\"e\":\""
        + base64Url(key.getPublicExponent())
        + "\"}]}";
  }

  private static String base64Url(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
