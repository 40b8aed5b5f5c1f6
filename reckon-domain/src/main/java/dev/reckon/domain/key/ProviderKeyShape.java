package dev.reckon.domain.key;

import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.Provider;

/**
 * Checks that a submitted key looks like an admin key of its provider before it is sealed.
 *
 * <p>OpenAI admin keys start with {@code sk-admin-} and Anthropic admin keys with {@code
 * sk-ant-admin}; project, workspace and user keys cannot read organization usage, so they are
 * rejected here with a message saying which kind of key to create.
 */
public final class ProviderKeyShape {

  static final int MIN_LENGTH = 20;
  static final int MAX_LENGTH = 512;

  private ProviderKeyShape() {}

  /** Throws {@link InvalidProviderKeyException} unless the key has an admin key's shape. */
  public static void requireAdminKey(Provider provider, SecretBytes key) {
    byte[] bytes = key.unsafeRevealBytesWithoutCopy();
    if (bytes.length == 0) {
      throw new InvalidProviderKeyException(
          "the " + provider.id() + " key is missing: paste the admin key on standard input");
    }
    if (bytes.length < MIN_LENGTH || bytes.length > MAX_LENGTH) {
      throw new InvalidProviderKeyException(
          "the "
              + provider.id()
              + " key has an invalid length ("
              + bytes.length
              + " bytes): expected "
              + MIN_LENGTH
              + " to "
              + MAX_LENGTH
              + "; check that it was copied whole");
    }
    for (byte b : bytes) {
      if (!isKeyCharacter(b)) {
        throw new InvalidProviderKeyException(
            "the "
                + provider.id()
                + " key contains a character that provider keys never contain"
                + " (whitespace, quotes or non-ASCII): copy the key again without surrounding text");
      }
    }
    switch (provider) {
      case OPENAI -> requireOpenAiAdmin(bytes);
      case ANTHROPIC -> requireAnthropicAdmin(bytes);
    }
  }

  private static void requireOpenAiAdmin(byte[] key) {
    if (startsWith(key, "sk-admin-")) {
      return;
    }
    if (startsWith(key, "sk-proj-") || startsWith(key, "sk-svcacct-") || startsWith(key, "sk-")) {
      throw new InvalidProviderKeyException(
          "the openai key is not an admin key: expected the prefix sk-admin-. Create an Admin key"
              + " under Settings, Organization, Admin keys; project and service account keys cannot"
              + " read organization usage");
    }
    throw new InvalidProviderKeyException(
        "the openai key has an unknown format: expected an admin key starting with sk-admin-");
  }

  private static void requireAnthropicAdmin(byte[] key) {
    if (startsWith(key, "sk-ant-admin")) {
      return;
    }
    if (startsWith(key, "sk-ant-")) {
      throw new InvalidProviderKeyException(
          "the anthropic key is not an admin key: expected the prefix sk-ant-admin01-. Create an"
              + " Admin key in the Console under Settings, Admin keys; workspace API keys cannot read"
              + " organization usage");
    }
    throw new InvalidProviderKeyException(
        "the anthropic key has an unknown format: expected an admin key starting with sk-ant-admin01-");
  }

  private static boolean isKeyCharacter(byte b) {
    return (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || (b >= '0' && b <= '9')
        || b == '-'
        || b == '_';
  }

  private static boolean startsWith(byte[] key, String prefix) {
    if (key.length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (key[i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
