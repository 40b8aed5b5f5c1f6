package dev.reckon.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The parsed body of {@code POST /provider-keys}: {@code {"provider", "label", "key"}}.
 *
 * <p>The key is read straight from the parser's character buffer into {@link SecretBytes}, never
 * into a {@code String}. This narrows but cannot close the window: the JVM gives no way to zero
 * Jetty's network buffers or Jackson's recycled text buffers, which hold the key until reused.
 */
final class ProviderKeySubmission implements AutoCloseable {

  private static final String FIELDS = "'provider', 'label' and 'key'";

  private String provider;
  private String label;
  private SecretBytes key;

  private ProviderKeySubmission() {}

  /** Parses the body; the caller zeroes {@code body} afterwards and closes the result. */
  static ProviderKeySubmission parse(byte[] body) {
    ProviderKeySubmission submission = new ProviderKeySubmission();
    try (JsonParser parser = Json.parser(body)) {
      submission.readObject(parser);
      submission.requireComplete();
      return submission;
    } catch (JsonProcessingException e) {
      submission.close();
      throw RequestBodies.malformed(e);
    } catch (IOException e) {
      submission.close();
      throw new UncheckedIOException("cannot parse the request body", e);
    } catch (RuntimeException e) {
      submission.close();
      throw e;
    }
  }

  Provider provider() {
    return Provider.fromId(provider);
  }

  String label() {
    return label;
  }

  SecretBytes key() {
    return key;
  }

  @Override
  public void close() {
    if (key != null) {
      key.close();
    }
  }

  private void readObject(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw ProblemException.validation("the request body must be a JSON object with " + FIELDS);
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "provider" -> provider = requireString(value, "provider", parser.getText());
        case "label" -> label = requireString(value, "label", parser.getText());
        case "key" -> {
          requireString(value, "key", "");
          key = readSecret(parser);
        }
        default ->
            throw ProblemException.validation(
                "the request body has an unknown field: only " + FIELDS + " are accepted");
      }
    }
    if (parser.nextToken() != null) {
      throw ProblemException.validation("the request body must contain one JSON object only");
    }
  }

  private void requireComplete() {
    requirePresent(provider, "provider");
    requirePresent(label, "label");
    requirePresent(key, "key");
    if (Arrays.stream(Provider.values()).noneMatch(known -> known.id().equals(provider))) {
      throw ProblemException.validation("'provider' must be one of " + Provider.idList());
    }
    String stripped = label.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_LABEL_LENGTH) {
      throw ProblemException.validation(
          "'label' must have 1 to "
              + MAX_LABEL_LENGTH
              + " characters (was "
              + stripped.length()
              + ")");
    }
    if (key.length() == 0) {
      throw ProblemException.validation("'key' must not be empty: paste the provider admin key");
    }
  }

  static final int MAX_LABEL_LENGTH = 100;

  private static String requireString(JsonToken token, String field, String text) {
    if (token != JsonToken.VALUE_STRING) {
      throw ProblemException.validation("'" + field + "' must be a JSON string");
    }
    return text;
  }

  private static void requirePresent(Object value, String field) {
    if (value == null) {
      throw ProblemException.validation("'" + field + "' is required");
    }
  }

  private static SecretBytes readSecret(JsonParser parser) throws IOException {
    char[] chars =
        Arrays.copyOfRange(
            parser.getTextCharacters(),
            parser.getTextOffset(),
            parser.getTextOffset() + parser.getTextLength());
    try {
      return SecretBytes.fromChars(chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }
}
