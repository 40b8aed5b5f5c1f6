package dev.reckon.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevSigningKeysTest {

  @TempDir Path temporary;

  @Test
  void loadOrCreateWritesOwnerOnlyFiles() throws IOException {
    Path folder = temporary.resolve("nested").resolve("keys");

    DevSigningKeys keys = DevSigningKeys.loadOrCreate(folder);

    Path privateFile = folder.resolve("session-signing-key.pem");
    Path publicFile = folder.resolve("session-signing-key.pub.pem");
    assertThat(mode(folder)).isEqualTo("rwx------");
    assertThat(mode(privateFile)).isEqualTo("rw-------");
    assertThat(mode(publicFile)).isEqualTo("rw-r--r--");
    assertThat(Files.readString(privateFile)).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(Files.readString(publicFile)).isEqualTo(keys.publicKeyPem());
    assertThat(keys.publicKey().getModulus().bitLength()).isEqualTo(2048);
    assertThat(keys.folder()).isEqualTo(folder.toAbsolutePath());
  }

  @Test
  void loadOrCreateLoadsExistingKeys() throws IOException {
    DevSigningKeys created = DevSigningKeys.loadOrCreate(temporary);
    Files.delete(temporary.resolve("session-signing-key.pub.pem"));

    DevSigningKeys loaded = DevSigningKeys.loadOrCreate(temporary);

    assertThat(loaded.publicKey()).isEqualTo(created.publicKey());
    assertThat(loaded.privateKey()).isEqualTo(created.privateKey());
    assertThat(Files.readString(temporary.resolve("session-signing-key.pub.pem")))
        .isEqualTo(created.publicKeyPem());
  }

  @Test
  void loadOrCreateRejectsGroupReadableKey() throws IOException {
    DevSigningKeys.loadOrCreate(temporary);
    Path privateFile = temporary.resolve("session-signing-key.pem");
    Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-r-----"));

    Path absolute = privateFile.toAbsolutePath();

    assertThatThrownBy(() -> DevSigningKeys.loadOrCreate(temporary))
        .isInstanceOf(UnableToLoadDevSigningKeysException.class)
        .hasMessage(absolute + " is accessible by group or others: run chmod 600 " + absolute);
  }

  @Test
  void loadOrCreateRejectsFolderOpenToOthers() throws IOException {
    Path folder = Files.createDirectory(temporary.resolve("open"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

    Path absolute = folder.toAbsolutePath();

    assertThatThrownBy(() -> DevSigningKeys.loadOrCreate(folder))
        .isInstanceOf(UnableToLoadDevSigningKeysException.class)
        .hasMessage(absolute + " is accessible by group or others: run chmod 700 " + absolute);
  }

  @Test
  void loadOrCreateRejectsMismatchedPublicKey() throws IOException {
    DevSigningKeys.loadOrCreate(temporary);
    Path publicFile = temporary.resolve("session-signing-key.pub.pem");
    Files.writeString(publicFile, TestTokens.publicKeyPem(TestTokens.OTHER_KEYS));

    Path absolute = temporary.toAbsolutePath();

    assertThatThrownBy(() -> DevSigningKeys.loadOrCreate(temporary))
        .isInstanceOf(UnableToLoadDevSigningKeysException.class)
        .hasMessage(
            "public key file "
                + absolute.resolve("session-signing-key.pub.pem")
                + " does not match private key file "
                + absolute.resolve("session-signing-key.pem")
                + ": delete the public key file, and it is written again");
  }

  @Test
  void loadOrCreateRejectsInvalidPrivateKey() throws IOException {
    Path privateFile = temporary.resolve("session-signing-key.pem");
    Files.write(
        privateFile,
        "-----BEGIN PRIVATE KEY-----\nRkFLRQ==\n-----END PRIVATE KEY-----\n"
            .getBytes(StandardCharsets.US_ASCII));
    Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));

    Path absolute = privateFile.toAbsolutePath();

    assertThatThrownBy(() -> DevSigningKeys.loadOrCreate(temporary))
        .isInstanceOf(UnableToLoadDevSigningKeysException.class)
        .hasMessage(
            "private key file "
                + absolute
                + " is not a PEM PKCS#8 RSA private key of at least 2048 bits: delete it, and a"
                + " new key pair is created");
  }

  @Test
  void toStringOmitsKeyMaterial() {
    DevSigningKeys keys = DevSigningKeys.loadOrCreate(temporary);

    String text = keys.toString();

    assertThat(text)
        .isEqualTo(
            "DevSigningKeys[folder=" + temporary.toAbsolutePath() + ", privateKey=redacted]");
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
