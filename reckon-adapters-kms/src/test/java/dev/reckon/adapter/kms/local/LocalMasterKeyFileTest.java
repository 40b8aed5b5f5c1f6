package dev.reckon.adapter.kms.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.GeneratedDataKey;
import dev.reckon.adapter.kms.TestKeys;
import dev.reckon.adapter.kms.TestRandom;
import dev.reckon.domain.shared.Provider;
import dev.reckon.ports.out.UnableToSealKeyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalMasterKeyFileTest {

  private static final String HEADER = "reckon-local-master-key-file 1\n";
  private static final String KEY_HEX =
      "46414b452d746573742d6f6e6c792d6d61737465722d6b65792d7665722d3031";
  private static final String BAD_HEX =
      "46414b452d746573742d6f6e6c792d6d61737465722d6b65792d7665722d30zz";

  private static final EncryptionContext CONTEXT =
      EncryptionContext.forBinding(TestKeys.newBinding(Provider.OPENAI));

  @TempDir Path directory;

  @Test
  void openOrCreateWritesPrivateFile() throws IOException {
    Path path = directory.resolve("nested").resolve("master-key");

    try (LocalMasterKeyFile keyFile = LocalMasterKeyFile.openOrCreate(path, false)) {

      assertThat(keyFile.currentKeyId()).isEqualTo("local:v1");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent())))
          .isEqualTo("rwx------");
      List<String> lines = Files.readAllLines(path);
      assertThat(lines).hasSize(4);
      assertThat(lines.get(2)).isEqualTo("reckon-local-master-key-file 1");
      assertThat(lines.get(3)).matches("v1 [0-9a-f]{64}");
      try (Stream<Path> files = Files.list(path.getParent())) {
        assertThat(files).hasSize(1);
      }
    }
  }

  @Test
  void openOrCreateLoadsExistingFileUnchanged() throws IOException {
    Path path = directory.resolve("master-key");
    LocalMasterKeyFile first = LocalMasterKeyFile.openOrCreate(path, false);
    byte[] content = Files.readAllBytes(path);

    LocalMasterKeyFile second = LocalMasterKeyFile.openOrCreate(path, false);

    assertThat(Files.readAllBytes(path)).isEqualTo(content);
    assertThat(second.unsafeRevealMasterKeyWithoutCopy("local:v1").orElseThrow())
        .isEqualTo(first.unsafeRevealMasterKeyWithoutCopy("local:v1").orElseThrow());
  }

  @Test
  void openOrCreateRejectsProductionMode() {
    Path path = directory.resolve("master-key");

    assertThatThrownBy(() -> LocalMasterKeyFile.openOrCreate(path, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the local master key file is for development only and is rejected in production"
                + " (RECKON_ENV=production). Configure a KMS master key instead.");

    assertThat(path).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"rw-r--r--", "rw-r-----", "rw--w----", "rw----r--", "rw------x", "rwx---rwx"})
  void openOrCreateRejectsFileOpenToGroupOrOthers(String mode) throws IOException {
    Path path = directory.resolve("master-key");
    LocalMasterKeyFile.openOrCreate(path, false).close();
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));

    assertThatThrownBy(() -> LocalMasterKeyFile.openOrCreate(path, false))
        .isInstanceOf(UnableToLoadMasterKeyException.class)
        .hasMessage(
            "master key file "
                + path
                + " is accessible by group or others (mode "
                + mode
                + "); run 'chmod 600 "
                + path
                + "' and start again");
  }

  @Test
  void openOrCreateRejectsDirectory() throws IOException {
    Path path = Files.createDirectory(directory.resolve("master-key"));

    assertThatThrownBy(() -> LocalMasterKeyFile.openOrCreate(path, false))
        .isInstanceOf(UnableToLoadMasterKeyException.class)
        .hasMessage("master key file " + path + " is missing or not a regular file");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "reckon-local-master-key-file 2\n",
        "reckon-local-master-key-file 1\n",
        "reckon-local-master-key-file 1\nv0 " + KEY_HEX + "\n",
        "reckon-local-master-key-file 1\nv01 " + KEY_HEX + "\n",
        "reckon-local-master-key-file 1\nversion1 " + KEY_HEX + "\n",
        "reckon-local-master-key-file 1\nv1 " + KEY_HEX + "00\n",
        "reckon-local-master-key-file 1\nv1  " + KEY_HEX + "\n",
        "reckon-local-master-key-file 1\nv1 " + KEY_HEX + "\nv1 " + KEY_HEX + "\n",
        "reckon-local-master-key-file 1\nv1 " + BAD_HEX + "\n",
      })
  void openOrCreateRejectsInvalidContent(String content) throws IOException {
    Path path = writePrivate(content);

    assertThatThrownBy(() -> LocalMasterKeyFile.openOrCreate(path, false))
        .isInstanceOf(UnableToLoadMasterKeyException.class)
        .hasMessageStartingWith("master key file " + path + " is invalid: ")
        .hasMessageNotContaining(KEY_HEX.substring(0, 8))
        .hasMessageNotContaining(BAD_HEX.substring(0, 8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "# only a comment\n", "\n\n"})
  void openOrCreateRejectsFileWithoutHeader(String content) throws IOException {
    Path path = writePrivate(content);

    assertThatThrownBy(() -> LocalMasterKeyFile.openOrCreate(path, false))
        .isInstanceOf(UnableToLoadMasterKeyException.class)
        .hasMessage(
            "master key file "
                + path
                + " is invalid: the header 'reckon-local-master-key-file 1' is missing");
  }

  @Test
  void invalidContentMessagesNameTheLine() throws IOException {
    Path missingHeader = writePrivate("v1 " + KEY_HEX + "\n");
    Path repeated = writePrivate(HEADER + "v2 " + KEY_HEX + "\n# note\nv2 " + KEY_HEX + "\n");
    Path badHex = writePrivate(HEADER + "v1 " + BAD_HEX + "\n");
    Path badLine = writePrivate(HEADER + "\nv1 " + KEY_HEX.substring(2) + "\n");
    Path empty = writePrivate(HEADER);

    assertThatThrownBy(() -> LocalMasterKeyFile.openOrCreate(missingHeader, false))
        .hasMessageEndingWith(
            "is invalid: line 1 must be the header 'reckon-local-master-key-file 1'");
    assertThatThrownBy(() -> LocalMasterKeyFile.openOrCreate(repeated, false))
        .hasMessageEndingWith("is invalid: line 4 repeats version 2");
    assertThatThrownBy(() -> LocalMasterKeyFile.openOrCreate(badHex, false))
        .hasMessageEndingWith("is invalid: line 2 has a key that is not hexadecimal");
    assertThatThrownBy(() -> LocalMasterKeyFile.openOrCreate(badLine, false))
        .hasMessageEndingWith("is invalid: line 3 must be 'v<version> <64 hexadecimal digits>'");
    assertThatThrownBy(() -> LocalMasterKeyFile.openOrCreate(empty, false))
        .hasMessageEndingWith("is invalid: it contains no key version");
  }

  @Test
  void openOrCreateAcceptsUpperCaseAndCrLf() throws IOException {
    Path path =
        writePrivate("# note\r\n" + HEADER.trim() + "\r\nv7 " + KEY_HEX.toUpperCase() + "\r\n");

    try (LocalMasterKeyFile keyFile = LocalMasterKeyFile.openOrCreate(path, false)) {

      assertThat(keyFile.currentKeyId()).isEqualTo("local:v7");
      assertThat(keyFile.unsafeRevealMasterKeyWithoutCopy("local:v7").orElseThrow())
          .startsWith(0x46, 0x41, 0x4b, 0x45);
    }
  }

  @Test
  void addVersionMakesNewVersionCurrent() throws IOException {
    Path path = directory.resolve("master-key");
    LocalMasterKeyFile keyFile = LocalMasterKeyFile.openOrCreate(path, false);
    byte[] versionOne = keyFile.unsafeRevealMasterKeyWithoutCopy("local:v1").orElseThrow().clone();

    String keyId = keyFile.addVersion();

    assertThat(keyId).isEqualTo("local:v2");
    assertThat(keyFile.currentKeyId()).isEqualTo("local:v2");
    assertThat(keyFile.generateDataKey(CONTEXT).masterKeyId()).isEqualTo("local:v2");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
        .isEqualTo("rw-------");
    try (LocalMasterKeyFile reloaded = LocalMasterKeyFile.openOrCreate(path, false)) {
      assertThat(reloaded.currentKeyId()).isEqualTo("local:v2");
      assertThat(reloaded.unsafeRevealMasterKeyWithoutCopy("local:v1").orElseThrow())
          .isEqualTo(versionOne);
      assertThat(reloaded.unsafeRevealMasterKeyWithoutCopy("local:v2").orElseThrow())
          .isEqualTo(keyFile.unsafeRevealMasterKeyWithoutCopy("local:v2").orElseThrow())
          .isNotEqualTo(versionOne);
    }
  }

  @Test
  void generateDataKeyWrapsNewKeyEachCall() {
    LocalMasterKeyFile keyFile = LocalMasterKeyFile.openOrCreate(directory.resolve("k"), false);

    GeneratedDataKey first = keyFile.generateDataKey(CONTEXT);
    GeneratedDataKey second = keyFile.generateDataKey(CONTEXT);

    assertThat(first.masterKeyId()).isEqualTo("local:v1");
    assertThat(first.unsafeRevealPlaintextWithoutCopy()).hasSize(32);
    assertThat(first.wrappedDataKey()).hasSize(12 + 32 + 16);
    assertThat(first.unsafeRevealPlaintextWithoutCopy())
        .isNotEqualTo(second.unsafeRevealPlaintextWithoutCopy());
    assertThat(first.wrappedDataKey()).isNotEqualTo(second.wrappedDataKey());
  }

  @Test
  void generateZeroesDataKeyOnFailure() {
    // Call 1 creates the master key, call 2 fills the data key, call 3 the wrap IV.
    TestRandom random = TestRandom.real().failingOnCall(3);
    LocalMasterKeyFile keyFile =
        LocalMasterKeyFile.openOrCreate(directory.resolve("k"), false, random);

    assertThatThrownBy(() -> keyFile.generateDataKey(CONTEXT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("injected random failure");

    assertThat(random.filledArrays()).hasSize(3);
    assertThat(random.filledArrays().get(1)).hasSize(32).containsOnly(0);
  }

  @Test
  void createZeroesNewMasterKeyArray() {
    TestRandom random = TestRandom.real();

    LocalMasterKeyFile.openOrCreate(directory.resolve("k"), false, random).close();

    assertThat(random.filledArrays()).hasSize(1);
    assertThat(random.filledArrays().get(0)).hasSize(32).containsOnly(0);
  }

  @Test
  void closeZeroesMasterKeysAndStopsGenerating() {
    LocalMasterKeyFile keyFile = LocalMasterKeyFile.openOrCreate(directory.resolve("k"), false);
    byte[] masterKey = keyFile.unsafeRevealMasterKeyWithoutCopy("local:v1").orElseThrow();

    keyFile.close();

    assertThat(masterKey).containsOnly(0);
    assertThat(keyFile.unsafeRevealMasterKeyWithoutCopy("local:v1")).isEmpty();
    assertThatThrownBy(() -> keyFile.generateDataKey(CONTEXT))
        .isInstanceOf(UnableToSealKeyException.class)
        .hasMessage("local master key file is closed");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"local:v2", "local:v0", "local:v01", "local:v1 ", "LOCAL:v1", "local:", "", "v1"})
  void unsafeRevealRejectsUnknownKeyIds(String keyId) {
    LocalMasterKeyFile keyFile = LocalMasterKeyFile.openOrCreate(directory.resolve("k"), false);

    assertThat(keyFile.unsafeRevealMasterKeyWithoutCopy(keyId)).isEmpty();
    assertThat(keyFile.unsafeRevealMasterKeyWithoutCopy("local:v1")).isPresent();
  }

  @Test
  void toStringIsRedacted() {
    Path path = directory.resolve("k");
    LocalMasterKeyFile keyFile = LocalMasterKeyFile.openOrCreate(path, false);

    String text = keyFile.toString();

    assertThat(text).isEqualTo("LocalMasterKeyFile[path=" + path + ", versions=1, keys=redacted]");
  }

  private Path writePrivate(String content) throws IOException {
    Path path = Files.createTempFile(directory, "master-key", "");
    Files.writeString(path, content);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    return path;
  }
}
