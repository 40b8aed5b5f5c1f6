package dev.reckon.web.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads and writes PEM blocks ({@code -----BEGIN <label>-----}, base64 of DER, {@code -----END
 * <label>-----}). It works on byte arrays so that private key text never becomes a {@code String}.
 */
final class Pem {

  static final String PUBLIC_KEY = "PUBLIC KEY";
  static final String PRIVATE_KEY = "PRIVATE KEY";
  static final int MIN_RSA_BITS = 2048;

  private static final byte[] LINE_SEPARATOR = {'\n'};

  private Pem() {}

  /** Encodes {@code der} as a PEM block with 64-character lines. */
  static byte[] encode(String label, byte[] der) {
    byte[] body = Base64.getMimeEncoder(64, LINE_SEPARATOR).encode(der);
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 80);
    out.writeBytes(ascii("-----BEGIN " + label + "-----\n"));
    out.writeBytes(body);
    out.writeBytes(ascii("\n-----END " + label + "-----\n"));
    Arrays.fill(body, (byte) 0);
    return out.toByteArray();
  }

  /**
   * Returns the DER bytes of the first {@code label} block in {@code pem}.
   *
   * @throws IllegalArgumentException when there is no such block or its body is not base64. The
   *     message names the label only, never content.
   */
  static byte[] decode(String label, byte[] pem) {
    byte[] begin = ascii("-----BEGIN " + label + "-----");
    byte[] end = ascii("-----END " + label + "-----");
    int beginAt = indexOf(pem, begin, 0);
    int endAt = beginAt < 0 ? -1 : indexOf(pem, end, beginAt + begin.length);
    if (endAt < 0) {
      throw new IllegalArgumentException(
          "PEM text has no complete '"
              + label
              + "' block: expected '-----BEGIN "
              + label
              + "-----'"
              + " and '-----END "
              + label
              + "-----' lines");
    }
    byte[] body = Arrays.copyOfRange(pem, beginAt + begin.length, endAt);
    try {
      return Base64.getMimeDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PEM '" + label + "' block is not valid base64", e);
    } finally {
      Arrays.fill(body, (byte) 0);
    }
  }

  /**
   * Parses an X.509 {@code PUBLIC KEY} PEM block holding an RSA key of at least 2048 bits, the
   * format of Clerk's "PEM Public Key".
   */
  static RSAPublicKey parseRsaPublicKey(String pem) {
    byte[] der = decode(PUBLIC_KEY, pem.getBytes(StandardCharsets.US_ASCII));
    PublicKey key;
    try {
      key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("PEM 'PUBLIC KEY' block is not an RSA public key", e);
    }
    return requireStrongRsa(key);
  }

  static RSAPublicKey requireStrongRsa(PublicKey key) {
    if (!(key instanceof RSAPublicKey rsa)) {
      throw new IllegalArgumentException(
          "public key algorithm '" + key.getAlgorithm() + "' is not supported: use an RSA key");
    }
    int bits = rsa.getModulus().bitLength();
    if (bits < MIN_RSA_BITS) {
      throw new IllegalArgumentException(
          "RSA public key must have at least " + MIN_RSA_BITS + " bits (was " + bits + ")");
    }
    return rsa;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    for (int i = from; i <= haystack.length - needle.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }
}
