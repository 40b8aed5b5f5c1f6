package dev.reckon.web.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Creates files and folders with POSIX permissions set at creation, so a secret is never readable
 * by others, not even for a moment. Needs a POSIX file system.
 */
final class OwnerOnlyFiles {

  static final Set<PosixFilePermission> OWNER_READ_WRITE =
      PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> WORLD_READABLE =
      PosixFilePermissions.fromString("rw-r--r--");
  static final Set<PosixFilePermission> OWNER_ONLY_FOLDER =
      PosixFilePermissions.fromString("rwx------");

  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private OwnerOnlyFiles() {}

  /** Creates {@code folder} and missing parents with mode 0700 unless it exists. */
  static void createFolder(Path folder) throws IOException {
    Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
  }

  static boolean isOwnerOnly(Path path) throws IOException {
    return Collections.disjoint(Files.getPosixFilePermissions(path), GROUP_OR_OTHERS);
  }

  /**
   * Creates {@code file} with {@code content} and {@code permissions} unless it exists. The content
   * is written and flushed under a temporary name first, so no reader sees a partial file. Returns
   * false, leaving the file untouched, when it already exists.
   */
  static boolean createNew(Path file, byte[] content, Set<PosixFilePermission> permissions)
      throws IOException {
    Path temporary =
        Files.createTempFile(
            file.getParent(),
            "." + file.getFileName() + ".",
            ".tmp",
            PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
    try {
      write(temporary, content);
      Files.setPosixFilePermissions(temporary, permissions);
      // A hard link fails instead of replacing a file that another process created meanwhile.
      Files.createLink(file, temporary);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void write(Path file, byte[] content) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }
}
