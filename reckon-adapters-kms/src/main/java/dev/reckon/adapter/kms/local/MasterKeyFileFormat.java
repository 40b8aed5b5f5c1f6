package dev.reckon.adapter.kms.local;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Text layout of the local master key file, read and written as bytes so that no {@code String}
 * ever contains key material.
 *
 * <p>Lines starting with {@code #} and blank lines are ignored. The first other line is the header
 * {@code reckon-local-master-key-file 1}. Every line after it is one key version, {@code v<N>} (N
 * from 1, no leading zero) followed by one space and 64 hexadecimal digits. Error messages name
 * line numbers only, never line content.
 */
final class MasterKeyFileFormat {

  static final int KEY_BYTES = 32;
  static final String KEY_ID_PREFIX = "local:v";

  private static final String HEADER = "reckon-local-master-key-file 1";
  private static final String COMMENT =
      "# Reckon local master key file, for development only. Keep it private (chmod 600).\n"
          + "# Each 'v<N>' line is a 256-bit master key version; the highest wraps new data keys.\n";
  private static final int MAX_VERSION_DIGITS = 9;
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private MasterKeyFileFormat() {}

  static String keyId(int version) {
    return KEY_ID_PREFIX + version;
  }

  /** Returns the version that {@code keyId} names, or empty when it is not a local key id. */
  static OptionalInt versionOf(String keyId) {
    if (keyId == null || !keyId.startsWith(KEY_ID_PREFIX)) {
      return OptionalInt.empty();
    }
    byte[] digits = keyId.substring(KEY_ID_PREFIX.length()).getBytes(StandardCharsets.US_ASCII);
    int version = parseVersion(digits, 0, digits.length);
    return version > 0 ? OptionalInt.of(version) : OptionalInt.empty();
  }

  /** Encodes the versions; the caller zeroes the returned array once it is written. */
  static byte[] encode(NavigableMap<Integer, byte[]> versions) {
    byte[] prefix = (COMMENT + HEADER + "\n").getBytes(StandardCharsets.US_ASCII);
    int size = prefix.length;
    for (int version : versions.keySet()) {
      size += label(version).length + KEY_BYTES * 2 + 1;
    }

    byte[] out = Arrays.copyOf(prefix, size);
    int position = prefix.length;
    for (Map.Entry<Integer, byte[]> entry : versions.entrySet()) {
      byte[] label = label(entry.getKey());
      System.arraycopy(label, 0, out, position, label.length);
      position += label.length;
      for (byte b : entry.getValue()) {
        out[position++] = HEX_DIGITS[(b >> 4) & 0xF];
        out[position++] = HEX_DIGITS[b & 0xF];
      }
      out[position++] = '\n';
    }
    return out;
  }

  /**
   * Parses the file content into key versions, each in a new array that the caller must zero.
   *
   * @throws IllegalArgumentException with a message naming the line when the content is invalid
   */
  static NavigableMap<Integer, byte[]> parse(byte[] content) {
    NavigableMap<Integer, byte[]> versions = new TreeMap<>();
    try {
      boolean headerSeen = false;
      int lineNumber = 0;
      for (int start = 0; start < content.length; ) {
        int end = lineEnd(content, start);
        lineNumber++;
        int length = end - start - (end > start && content[end - 1] == '\r' ? 1 : 0);
        if (length > 0 && content[start] != '#') {
          if (headerSeen) {
            addVersion(versions, content, start, length, lineNumber);
          } else {
            requireHeader(content, start, length, lineNumber);
            headerSeen = true;
          }
        }
        start = end + 1;
      }
      if (!headerSeen) {
        throw new IllegalArgumentException("the header '" + HEADER + "' is missing");
      }
      if (versions.isEmpty()) {
        throw new IllegalArgumentException("it contains no key version");
      }
      return versions;
    } catch (RuntimeException e) {
      versions.values().forEach(key -> Arrays.fill(key, (byte) 0));
      throw e;
    }
  }

  private static void requireHeader(byte[] content, int start, int length, int lineNumber) {
    byte[] header = HEADER.getBytes(StandardCharsets.US_ASCII);
    if (!Arrays.equals(content, start, start + length, header, 0, header.length)) {
      throw new IllegalArgumentException(
          "line " + lineNumber + " must be the header '" + HEADER + "'");
    }
  }

  private static void addVersion(
      NavigableMap<Integer, byte[]> versions,
      byte[] content,
      int start,
      int length,
      int lineNumber) {
    int space = indexOf(content, (byte) ' ', start, start + length);
    int version = space < 0 || content[start] != 'v' ? -1 : parseVersion(content, start + 1, space);
    int end = start + length;
    if (version <= 0 || end - space - 1 != KEY_BYTES * 2) {
      throw new IllegalArgumentException(
          "line " + lineNumber + " must be 'v<version> <64 hexadecimal digits>'");
    }
    if (versions.containsKey(version)) {
      throw new IllegalArgumentException("line " + lineNumber + " repeats version " + version);
    }

    byte[] key = new byte[KEY_BYTES];
    versions.put(version, key);
    for (int i = 0; i < KEY_BYTES; i++) {
      int high = hexValue(content[space + 1 + 2 * i]);
      int low = hexValue(content[space + 2 + 2 * i]);
      if (high < 0 || low < 0) {
        throw new IllegalArgumentException(
            "line " + lineNumber + " has a key that is not hexadecimal");
      }
      key[i] = (byte) (high << 4 | low);
    }
  }

  /** Returns the version, or -1 unless the digits are 1 to 9 decimal digits without a leading 0. */
  private static int parseVersion(byte[] bytes, int from, int to) {
    if (to - from < 1 || to - from > MAX_VERSION_DIGITS || bytes[from] == '0') {
      return -1;
    }
    int version = 0;
    for (int i = from; i < to; i++) {
      if (bytes[i] < '0' || bytes[i] > '9') {
        return -1;
      }
      version = version * 10 + (bytes[i] - '0');
    }
    return version;
  }

  private static int hexValue(byte digit) {
    if (digit >= '0' && digit <= '9') {
      return digit - '0';
    }
    if (digit >= 'a' && digit <= 'f') {
      return digit - 'a' + 10;
    }
    if (digit >= 'A' && digit <= 'F') {
      return digit - 'A' + 10;
    }
    return -1;
  }

  private static byte[] label(int version) {
    return ("v" + version + " ").getBytes(StandardCharsets.US_ASCII);
  }

  private static int lineEnd(byte[] content, int start) {
    int newline = indexOf(content, (byte) '\n', start, content.length);
    return newline < 0 ? content.length : newline;
  }

  private static int indexOf(byte[] bytes, byte target, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == target) {
        return i;
      }
    }
    return -1;
  }
}
