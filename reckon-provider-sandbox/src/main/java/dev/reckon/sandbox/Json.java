package dev.reckon.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/** Builds JSON bodies; decimals keep their scale and never switch to exponent notation. */
final class Json {

  // The default node factory keeps a decimal's scale; only reading may strip trailing zeros.
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private Json() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("failed to write a JSON tree", e);
    }
  }

  /** Puts a dimension value, which is a string, a boolean or null. */
  static void putValue(ObjectNode node, String field, Object value) {
    if (value == null) {
      node.putNull(field);
    } else if (value instanceof Boolean flag) {
      node.put(field, flag);
    } else {
      node.put(field, value.toString());
    }
  }

  static void putDimensions(ObjectNode node, Map<String, Object> dimensions) {
    dimensions.forEach((field, value) -> putValue(node, field, value));
  }

  /** Puts an instant as RFC 3339 text, or null. */
  static void putInstant(ObjectNode node, String field, Instant instant) {
    putValue(node, field, instant == null ? null : instant.toString());
  }

  /** Puts an instant as epoch seconds, or null. */
  static void putEpochSecond(ObjectNode node, String field, Instant instant) {
    if (instant == null) {
      node.putNull(field);
    } else {
      node.put(field, instant.getEpochSecond());
    }
  }
}
