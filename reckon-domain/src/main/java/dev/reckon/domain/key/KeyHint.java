package dev.reckon.domain.key;

import dev.reckon.domain.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The visible tail of a provider key, computed once at seal time and shown as {@code …abcd}.
 *
 * <p>At most four characters are kept, and fewer for short keys, so that at least two thirds of any
 * key stays hidden.
 */
public record KeyHint(String lastChars) {

  public static final int MAX_VISIBLE = 4;

  public KeyHint {
    Objects.requireNonNull(lastChars, "lastChars");
    if (lastChars.codePointCount(0, lastChars.length()) > MAX_VISIBLE) {
      throw new IllegalArgumentException("a key hint shows at most " + MAX_VISIBLE + " characters");
    }
  }

  /** Computes the hint from the key's characters (code points, so non-ASCII keys are safe). */
  public static KeyHint of(SecretBytes key) {
    // Decoded into a char array, not a String, so the whole key can be zeroed again.
    CharBuffer decoded =
        StandardCharsets.UTF_8.decode(ByteBuffer.wrap(key.unsafeRevealBytesWithoutCopy()));
    char[] chars = new char[decoded.remaining()];
    decoded.get(chars);
    Arrays.fill(decoded.array(), '\0');
    try {
      int codePoints = Character.codePointCount(chars, 0, chars.length);
      int visible = Math.min(MAX_VISIBLE, codePoints / 3);
      int from = Character.offsetByCodePoints(chars, 0, chars.length, 0, codePoints - visible);
      return new KeyHint(new String(chars, from, chars.length - from));
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /** Returns the hint as shown to people, for example {@code …abcd}. */
  public String display() {
    return "…" + lastChars;
  }

  @Override
  public String toString() {
    return display();
  }
}
