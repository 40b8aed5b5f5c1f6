package dev.reckon.adapter.kms.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

  @TempDir Path directory;

  @Test
  void createNewLeavesExistingFileUntouched() throws IOException {
    Path file = directory.resolve("master-key");
    boolean first = PrivateFiles.createNew(file, bytes("first"));

    boolean second = PrivateFiles.createNew(file, bytes("second"));

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(Files.readString(file)).isEqualTo("first");
    assertThat(fileNames()).containsExactly("master-key");
  }

  @Test
  void replaceKeepsOwnerOnlyMode() throws IOException {
    Path file = directory.resolve("master-key");
    PrivateFiles.createNew(file, bytes("first"));

    PrivateFiles.replace(file, bytes("second"));

    assertThat(Files.readString(file)).isEqualTo("second");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(fileNames()).containsExactly("master-key");
  }

  @Test
  void isOwnerOnlyChecksGroupAndOthers() {
    boolean ownerOnly = PrivateFiles.isOwnerOnly(PosixFilePermissions.fromString("rwx------"));

    boolean othersRead = PrivateFiles.isOwnerOnly(PosixFilePermissions.fromString("rw----r--"));

    assertThat(ownerOnly).isTrue();
    assertThat(othersRead).isFalse();
  }

  private List<String> fileNames() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(path -> path.getFileName().toString()).toList();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
