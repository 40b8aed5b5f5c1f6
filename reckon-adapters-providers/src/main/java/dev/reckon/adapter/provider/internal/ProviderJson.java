package dev.reckon.adapter.provider.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * The JSON reader for provider responses: lenient about fields, strict about structure and size.
 *
 * <p>Unknown fields are ignored because providers add fields often. Floating-point numbers become
 * {@link java.math.BigDecimal} with the scale they were sent with, so money never passes through a
 * double. Nesting, string, name and number lengths are bounded well below Jackson's defaults, a
 * duplicate key or trailing content is an error, and parse errors never quote the input.
 */
public final class ProviderJson {

  static final int MAX_NESTING_DEPTH = 64;
  static final int MAX_STRING_LENGTH = 1024 * 1024;

  private static final ObjectMapper MAPPER = createMapper();

  private ProviderJson() {}

  /** Parses a whole body into a tree. */
  public static JsonNode parse(byte[] body) throws IOException {
    return MAPPER.readTree(body);
  }

  private static ObjectMapper createMapper() {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(1024)
            .maxNumberLength(100)
            .build();
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(constraints)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    return JsonMapper.builder(factory)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
        .build();
  }
}
