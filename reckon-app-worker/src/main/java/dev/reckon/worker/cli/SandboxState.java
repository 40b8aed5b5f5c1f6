package dev.reckon.worker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reckon.domain.shared.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The state file a running provider sandbox writes: where it listens and its fake admin keys. Only
 * the demo reads it; the keys in it are sandbox fakes that no real provider accepts.
 */
record SandboxState(
    String openAiBaseUrl, String anthropicBaseUrl, long seed, List<SandboxKey> adminKeys) {

  static SandboxState read(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "sandbox state file "
              + file
              + " not found: start the sandbox with ./reckon sandbox"
              + " --state-file "
              + file
              + ", or run ./reckon demo, which starts it");
    }
    List<SandboxKey> keys = new ArrayList<>();
    for (JsonNode key : root.path("admin_keys")) {
      keys.add(
          new SandboxKey(
              Provider.fromId(key.path("provider").asText()),
              key.path("key").asText(),
              key.path("organization").asText()));
    }
    return new SandboxState(
        required(root, "openai_base_url", file),
        required(root, "anthropic_base_url", file),
        root.path("seed").asLong(),
        keys);
  }

  /** Returns the first sandbox admin key of the provider. */
  SandboxKey firstKey(Provider provider) {
    return adminKeys.stream()
        .filter(key -> key.provider() == provider)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the sandbox offers no " + provider.id() + " admin key"));
  }

  private static String required(JsonNode root, String field, Path file) {
    String value = root.path(field).asText("");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("sandbox state file " + file + " has no " + field);
    }
    return value;
  }

  /** A fake sandbox admin key; {@code toString} shows only its provider and organization. */
  record SandboxKey(Provider provider, String key, String organization) {

    @Override
    public String toString() {
      return "SandboxKey[" + provider.id() + ", " + organization + "]";
    }
  }
}
