package dev.reckon.web.auth;

import dev.reckon.domain.secret.SecretBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;

/**
 * The PEM file of the development signing key (PKCS#8, mode 0600). Encoded key bytes pass through
 * {@link SecretBytes} so that they are zeroed after use.
 */
final class DevPrivateKeyFile {

  static final int KEY_BITS = 2048;

  private DevPrivateKeyFile() {}

  /** Generates a new RSA key and writes it to {@code privateFile} unless that file exists. */
  static void create(Path privateFile) throws IOException {
    KeyPairGenerator generator;
    try {
      generator = KeyPairGenerator.getInstance("RSA");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no RSA key pair generator", e);
    }
    generator.initialize(KEY_BITS, new SecureRandom());
    PrivateKey privateKey = generator.generateKeyPair().getPrivate();

    try (SecretBytes der = SecretBytes.takeOwnership(privateKey.getEncoded());
        SecretBytes pem =
            SecretBytes.takeOwnership(
                Pem.encode(Pem.PRIVATE_KEY, der.unsafeRevealBytesWithoutCopy()))) {
      // False means another process created the key first, and then its key is the one loaded.
      OwnerOnlyFiles.createNew(
          privateFile, pem.unsafeRevealBytesWithoutCopy(), OwnerOnlyFiles.OWNER_READ_WRITE);
    }
  }

  /** Reads the RSA key in {@code privateFile}, which must have at least 2048 bits. */
  static RSAPrivateCrtKey read(Path privateFile) throws IOException {
    try (SecretBytes pem = SecretBytes.takeOwnership(Files.readAllBytes(privateFile));
        SecretBytes der =
            SecretBytes.takeOwnership(
                Pem.decode(Pem.PRIVATE_KEY, pem.unsafeRevealBytesWithoutCopy()))) {
      PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der.unsafeRevealBytesWithoutCopy());
      if (KeyFactory.getInstance("RSA").generatePrivate(spec) instanceof RSAPrivateCrtKey key
          && key.getModulus().bitLength() >= KEY_BITS) {
        return key;
      }
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw invalidPrivateKey(privateFile, e);
    }
    throw invalidPrivateKey(privateFile, null);
  }

  private static UnableToLoadDevSigningKeysException invalidPrivateKey(Path file, Exception cause) {
    return new UnableToLoadDevSigningKeysException(
        "private key file "
            + file
            + " is not a PEM PKCS#8 RSA private key of at least "
            + KEY_BITS
            + " bits: delete it, and a new key pair is created",
        cause);
  }

  static RSAPublicKey publicKeyOf(RSAPrivateCrtKey privateKey) {
    try {
      RSAPublicKeySpec spec =
          new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent());
      return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot build an RSA public key", e);
    }
  }
}
