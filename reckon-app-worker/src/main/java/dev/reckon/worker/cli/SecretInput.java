package dev.reckon.worker.cli;

import dev.reckon.domain.secret.SecretBytes;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a provider key from standard input without ever holding it in a {@code String}: keys on the
 * command line would show in {@code ps} and shell history.
 */
final class SecretInput {

  /**
   * Upper bound on what is read, well above any provider key, so a wrong pipe cannot fill memory.
   */
  static final int MAX_CHARS = 4096;

  private SecretInput() {}

  /** Reads one key from the terminal without echo, or from piped input up to the first line end. */
  static SecretBytes readKey(Console console, InputStream in, String prompt) throws IOException {
    char[] chars = console != null ? console.readPassword(prompt) : readLine(in);
    if (chars == null) {
      chars = new char[0];
    }
    try {
      int start = 0;
      int end = chars.length;
      while (start < end && Character.isWhitespace(chars[start])) {
        start++;
      }
      while (end > start && Character.isWhitespace(chars[end - 1])) {
        end--;
      }
      char[] trimmed = Arrays.copyOfRange(chars, start, end);
      try {
        return SecretBytes.fromChars(trimmed);
      } finally {
        Arrays.fill(trimmed, '\0');
      }
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  private static char[] readLine(InputStream in) throws IOException {
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    char[] buffer = new char[MAX_CHARS];
    int length = 0;
    int next;
    while (length < MAX_CHARS && (next = reader.read()) != -1 && next != '\n') {
      buffer[length++] = (char) next;
    }
    char[] line = Arrays.copyOf(buffer, length);
    Arrays.fill(buffer, '\0');
    return line;
  }
}
