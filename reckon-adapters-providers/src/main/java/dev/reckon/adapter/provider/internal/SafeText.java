package dev.reckon.adapter.provider.internal;

import dev.reckon.domain.secret.SecretBytes;
import java.util.regex.Pattern;

/**
 * Filters provider-supplied text before it goes into an exception message or a log line.
 *
 * <p>Error codes and request ids come from the response, which Reckon does not trust: a server may
 * echo the key it was sent. Only short identifier-like values pass, and only when they share no run
 * of {@value #KEY_PIECE} characters with the admin key. Anything else is dropped rather than
 * escaped.
 */
public final class SafeText {

  static final int KEY_PIECE = 5;

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:\\-]{1,100}");

  private SafeText() {}

  /** Returns the value when it is a short identifier that does not repeat the key, else null. */
  public static String token(String value, SecretBytes adminKey) {
    if (value == null || !TOKEN.matcher(value).matches()) {
      return null;
    }
    return sharesPieceWith(value, adminKey.unsafeRevealBytesWithoutCopy()) ? null : value;
  }

  private static boolean sharesPieceWith(String value, byte[] key) {
    for (int k = 0; k + KEY_PIECE <= key.length; k++) {
      for (int v = 0; v + KEY_PIECE <= value.length(); v++) {
        if (matchesAt(value, v, key, k)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matchesAt(String value, int v, byte[] key, int k) {
    for (int i = 0; i < KEY_PIECE; i++) {
      if (value.charAt(v + i) != (char) key[k + i]) {
        return false;
      }
    }
    return true;
  }
}
