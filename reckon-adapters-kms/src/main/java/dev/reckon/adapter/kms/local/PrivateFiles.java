package dev.reckon.adapter.kms.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes files that only their owner can read. A file is written in full under a temporary name
 * created with mode 0600, flushed to disk, and only then given its real name, so no reader ever
 * sees a partial file or a moment of wider permissions.
 */
final class PrivateFiles {

  static final Set<PosixFilePermission> OWNER_READ_WRITE =
      PosixFilePermissions.fromString("rw-------");

  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private PrivateFiles() {}

  /**
   * Creates {@code file} with {@code content} unless it exists. Returns false when another process
   * created it first, and leaves that file untouched.
   */
  static boolean createNew(Path file, byte[] content) throws IOException {
    Path temporary = writeTemporary(file, content);
    try {
      // A hard link, unlike a rename, fails instead of replacing a file that appeared meanwhile.
      Files.createLink(file, temporary);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Replaces {@code file} with {@code content} in one atomic rename. */
  static void replace(Path file, byte[] content) throws IOException {
    Path temporary = writeTemporary(file, content);
    try {
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Returns whether {@code permissions} grant nothing to the group or to others. */
  static boolean isOwnerOnly(Set<PosixFilePermission> permissions) {
    return Collections.disjoint(permissions, GROUP_OR_OTHERS);
  }

  private static Path writeTemporary(Path file, byte[] content) throws IOException {
    Path directory = file.getParent();
    Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
    Path temporary =
        Files.createTempFile(
            directory,
            "." + file.getFileName() + ".",
            ".tmp",
            PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
      return temporary;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
  }
}
