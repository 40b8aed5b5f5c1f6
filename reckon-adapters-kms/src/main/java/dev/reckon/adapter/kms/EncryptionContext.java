package dev.reckon.adapter.kms;

import dev.reckon.ports.out.KeyBinding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The non-secret values that bind a sealed key to its row: purpose, organization id, provider key
 * id, provider and format version.
 *
 * <p>The same values serve twice. As a string map they are what a master key service such as AWS
 * KMS takes as its encryption context, which it also writes in plaintext to its audit log, so they
 * must stay identifiers. As {@link #associatedData()} they are the AES-GCM associated data of the
 * encrypted provider key.
 */
public final class EncryptionContext {

  public static final String PURPOSE = "reckon/provider-admin-key";
  public static final String PURPOSE_KEY = "purpose";
  public static final String ORG_ID_KEY = "org_id";
  public static final String PROVIDER_KEY_ID_KEY = "provider_key_id";
  public static final String PROVIDER_KEY = "provider";
  public static final String FORMAT_VERSION_KEY = "format_version";

  private static final int MAX_UNSIGNED_SHORT = 0xFFFF;

  private final SortedMap<String, String> entries;

  private EncryptionContext(SortedMap<String, String> entries) {
    this.entries = entries;
  }

  /** Builds the context of a provider key sealed in envelope format version 1. */
  public static EncryptionContext forBinding(KeyBinding binding) {
    Objects.requireNonNull(binding, "binding");
    SortedMap<String, String> entries = new TreeMap<>();
    entries.put(PURPOSE_KEY, PURPOSE);
    entries.put(ORG_ID_KEY, binding.orgId().value().toString());
    entries.put(PROVIDER_KEY_ID_KEY, binding.keyId().value().toString());
    entries.put(PROVIDER_KEY, binding.provider().id());
    entries.put(FORMAT_VERSION_KEY, Integer.toString(Envelope.FORMAT_V1));
    return new EncryptionContext(entries);
  }

  /** Builds a context from any entries, for master key adapters and tests. */
  public static EncryptionContext of(Map<String, String> entries) {
    if (entries.size() > MAX_UNSIGNED_SHORT) {
      throw new IllegalArgumentException(
          "context must have at most 65535 entries (was " + entries.size() + ")");
    }
    SortedMap<String, String> copy = new TreeMap<>();
    entries.forEach(
        (key, value) -> {
          requireEncodable("key", key);
          requireEncodable("value", value);
          copy.put(key, value);
        });
    return new EncryptionContext(copy);
  }

  /** Returns the entries as an unmodifiable map sorted by key. */
  public SortedMap<String, String> asMap() {
    return Collections.unmodifiableSortedMap(entries);
  }

  /**
   * Encodes the entries canonically: a 16-bit big-endian entry count, then for each entry in key
   * order the UTF-8 key and value, each behind its own 16-bit big-endian length. The length
   * prefixes keep the encoding unambiguous, so no two different contexts encode alike.
   */
  public byte[] associatedData() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeUnsignedShort(out, entries.size());
    entries.forEach(
        (key, value) -> {
          writeField(out, key);
          writeField(out, value);
        });
    return out.toByteArray();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EncryptionContext that && entries.equals(that.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "EncryptionContext" + entries;
  }

  private static void requireEncodable(String name, String text) {
    Objects.requireNonNull(text, name);
    int length = text.getBytes(StandardCharsets.UTF_8).length;
    if (length > MAX_UNSIGNED_SHORT) {
      throw new IllegalArgumentException(
          "context " + name + " must be at most 65535 UTF-8 bytes (was " + length + " bytes)");
    }
  }

  private static void writeField(ByteArrayOutputStream out, String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    writeUnsignedShort(out, utf8.length);
    out.writeBytes(utf8);
  }

  private static void writeUnsignedShort(ByteArrayOutputStream out, int value) {
    out.write(value >>> 8);
    out.write(value);
  }
}
