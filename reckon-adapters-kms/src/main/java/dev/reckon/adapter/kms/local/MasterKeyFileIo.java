package dev.reckon.adapter.kms.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.NavigableMap;
import java.util.Set;

/**
 * Reads and writes the local master key file, zeroing every buffer of file content it made. The
 * JDK's own I/O buffers are out of its reach.
 */
final class MasterKeyFileIo {

  private MasterKeyFileIo() {}

  /**
   * Reads the key versions after checking that only the file's owner has access to it.
   *
   * @throws UnableToLoadMasterKeyException naming the file when it is not private, unreadable or
   *     invalid
   */
  static NavigableMap<Integer, byte[]> read(Path file) {
    requireOwnerOnly(file);
    byte[] content = readAll(file);
    try {
      return MasterKeyFileFormat.parse(content);
    } catch (IllegalArgumentException e) {
      throw new UnableToLoadMasterKeyException(
          "master key file " + file + " is invalid: " + e.getMessage(), e);
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  /** Creates the file unless it exists; returns false when another process created it first. */
  static boolean createNew(Path file, NavigableMap<Integer, byte[]> versions) {
    byte[] content = MasterKeyFileFormat.encode(versions);
    try {
      return PrivateFiles.createNew(file, content);
    } catch (IOException | UnsupportedOperationException e) {
      throw new UnableToLoadMasterKeyException(
          "master key file " + file + " could not be created", e);
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  /** Replaces the file with one holding {@code versions}. */
  static void replace(Path file, NavigableMap<Integer, byte[]> versions) {
    byte[] content = MasterKeyFileFormat.encode(versions);
    try {
      PrivateFiles.replace(file, content);
    } catch (IOException | UnsupportedOperationException e) {
      throw new UnableToLoadMasterKeyException(
          "master key file " + file + " could not be written", e);
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  private static void requireOwnerOnly(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UnableToLoadMasterKeyException(
          "master key file " + file + " is missing or not a regular file");
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (IOException | UnsupportedOperationException e) {
      throw new UnableToLoadMasterKeyException(
          "master key file " + file + " has no readable POSIX permissions", e);
    }
    if (!PrivateFiles.isOwnerOnly(permissions)) {
      throw new UnableToLoadMasterKeyException(
          "master key file "
              + file
              + " is accessible by group or others (mode "
              + PosixFilePermissions.toString(permissions)
              + "); run 'chmod 600 "
              + file
              + "' and start again");
    }
  }

  private static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UnableToLoadMasterKeyException("master key file " + file + " could not be read", e);
    }
  }
}
