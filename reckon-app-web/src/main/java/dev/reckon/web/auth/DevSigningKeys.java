package dev.reckon.web.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA-2048 key pair that signs development sign-in tokens, kept as two PEM files in a folder of
 * mode 0700: {@value #PRIVATE_KEY_FILE} (PKCS#8, mode 0600) and {@value #PUBLIC_KEY_FILE} (X.509).
 * The private key file is the source of truth, and the public one is rewritten from it when
 * missing. Needs a POSIX file system.
 *
 * <p>NOTE: the private key object and the JDK's internal copies of the encoded key cannot be
 * zeroed. That is acceptable for a key that only development mode trusts.
 */
public final class DevSigningKeys {

  private static final Logger LOG = LoggerFactory.getLogger(DevSigningKeys.class);

  /** The folder used when none is configured, relative to the working directory. */
  public static final Path DEFAULT_FOLDER = Path.of(".reckon", "dev-signing-keys");

  static final String PRIVATE_KEY_FILE = "session-signing-key.pem";
  static final String PUBLIC_KEY_FILE = "session-signing-key.pub.pem";

  private final Path folder;
  private final RSAPublicKey publicKey;
  private final RSAPrivateKey privateKey;

  private DevSigningKeys(Path folder, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
    this.folder = folder;
    this.publicKey = publicKey;
    this.privateKey = privateKey;
  }

  /**
   * Loads the key pair from {@code folder}, first creating the folder and a new key pair when they
   * do not exist.
   *
   * @throws UnableToLoadDevSigningKeysException when a file or the folder cannot be created or
   *     read, is accessible by group or others, or contains an invalid key. The message names it.
   */
  public static DevSigningKeys loadOrCreate(Path folder) {
    Objects.requireNonNull(folder, "folder");
    Path absolute = folder.toAbsolutePath().normalize();
    try {
      DevSigningKeys keys = loadOrCreateIn(absolute);
      LOG.info("loaded development signing keys folder={}", absolute);
      return keys;
    } catch (IOException e) {
      throw new UnableToLoadDevSigningKeysException(
          "development signing keys in folder "
              + absolute
              + " could not be created or read ("
              + e
              + "): check that the folder is writable by this user",
          e);
    }
  }

  public RSAPublicKey publicKey() {
    return publicKey;
  }

  /** Returns the public key as an X.509 {@code PUBLIC KEY} PEM block. */
  public String publicKeyPem() {
    return new String(
        Pem.encode(Pem.PUBLIC_KEY, publicKey.getEncoded()), StandardCharsets.US_ASCII);
  }

  public Path folder() {
    return folder;
  }

  RSAPrivateKey privateKey() {
    return privateKey;
  }

  @Override
  public String toString() {
    return "DevSigningKeys[folder=" + folder + ", privateKey=redacted]";
  }

  private static DevSigningKeys loadOrCreateIn(Path folder) throws IOException {
    OwnerOnlyFiles.createFolder(folder);
    requireOwnerOnly(folder, "700");

    Path privateFile = folder.resolve(PRIVATE_KEY_FILE);
    if (!Files.exists(privateFile)) {
      DevPrivateKeyFile.create(privateFile);
    }
    requireOwnerOnly(privateFile, "600");
    RSAPrivateCrtKey privateKey = DevPrivateKeyFile.read(privateFile);
    RSAPublicKey publicKey = DevPrivateKeyFile.publicKeyOf(privateKey);

    writeOrCheckPublicKeyFile(folder.resolve(PUBLIC_KEY_FILE), publicKey, privateFile);
    return new DevSigningKeys(folder, publicKey, privateKey);
  }

  private static void requireOwnerOnly(Path path, String mode) throws IOException {
    if (!OwnerOnlyFiles.isOwnerOnly(path)) {
      throw new UnableToLoadDevSigningKeysException(
          path + " is accessible by group or others: run chmod " + mode + " " + path);
    }
  }

  private static void writeOrCheckPublicKeyFile(
      Path publicFile, RSAPublicKey publicKey, Path privateFile) throws IOException {
    byte[] pem = Pem.encode(Pem.PUBLIC_KEY, publicKey.getEncoded());
    if (OwnerOnlyFiles.createNew(publicFile, pem, OwnerOnlyFiles.WORLD_READABLE)) {
      return;
    }
    byte[] existing;
    try {
      existing = Pem.decode(Pem.PUBLIC_KEY, Files.readAllBytes(publicFile));
    } catch (IllegalArgumentException e) {
      existing = new byte[0];
    }
    if (!Arrays.equals(existing, publicKey.getEncoded())) {
      throw new UnableToLoadDevSigningKeysException(
          "public key file "
              + publicFile
              + " does not match private key file "
              + privateFile
              + ": delete the public key file, and it is written again");
    }
  }
}
