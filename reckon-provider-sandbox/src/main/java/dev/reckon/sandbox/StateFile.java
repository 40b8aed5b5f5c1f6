package dev.reckon.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the JSON state of a running sandbox: its port, base URLs and accepted keys. The file
 * appears atomically and complete, so a launcher can poll for it.
 */
final class StateFile {

  private StateFile() {}

  static ObjectNode json(ProviderSandbox sandbox, long pid) {
    ObjectNode state = Json.object();
    state.put("port", sandbox.port());
    state.put("seed", sandbox.seed());
    state.put("pid", pid);
    state.put("openai_base_url", sandbox.openAiBaseUrl());
    state.put("anthropic_base_url", sandbox.anthropicBaseUrl());
    ArrayNode keys = state.putArray("admin_keys");
    for (SandboxAdminKey key : sandbox.adminKeys()) {
      ObjectNode node = keys.addObject();
      node.put("provider", key.provider().id());
      node.put("key", key.key());
      node.put("organization", key.organizationId());
      node.put("organization_name", key.organizationName());
    }
    ArrayNode nonAdmin = state.putArray("non_admin_keys");
    for (SandboxProvider provider : SandboxProvider.values()) {
      ObjectNode node = nonAdmin.addObject();
      node.put("provider", provider.id());
      node.put("key", sandbox.nonAdminKey(provider));
    }
    return state;
  }

  /** Writes to a temporary file beside the target, then renames it over the target. */
  static void write(Path target, ObjectNode state) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
    try {
      restrictToOwner(temporary);
      Files.write(temporary, Json.bytes(state));
      move(temporary, absolute);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void move(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  // The keys are fake, but a state file is still treated like one holding credentials.
  private static void restrictToOwner(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
