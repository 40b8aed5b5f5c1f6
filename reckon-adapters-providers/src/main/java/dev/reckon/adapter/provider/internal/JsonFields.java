package dev.reckon.adapter.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads typed fields from a provider response and reports a wrong shape as an invalid response.
 *
 * <p>Messages name the field and where it sits (such as "bucket 2026-03-02T00:00:00Z, row 3"), and
 * quote only numbers, never provider text.
 */
public final class JsonFields {

  /** 9999-12-31T23:59:59Z, far past any bucket and well inside {@link Instant}'s range. */
  private static final long MAX_EPOCH_SECONDS = 253_402_300_799L;

  private final JsonResponse response;

  public JsonFields(JsonResponse response) {
    this.response = response;
  }

  public JsonNode requireObject(JsonNode parent, String field, String where) {
    JsonNode value = parent.get(field);
    if (value == null || !value.isObject()) {
      throw response.invalid(where + " has no '" + field + "' object");
    }
    return value;
  }

  public JsonNode requireArray(JsonNode parent, String field, String where) {
    JsonNode value = parent.get(field);
    if (value == null || !value.isArray()) {
      throw response.invalid(where + " has no '" + field + "' array");
    }
    return value;
  }

  public boolean requireBoolean(JsonNode parent, String field, String where) {
    JsonNode value = parent.get(field);
    if (value == null || !value.isBoolean()) {
      throw response.invalid(where + " has no boolean '" + field + "'");
    }
    return value.booleanValue();
  }

  /** Returns a non-negative 64-bit count that must be present. */
  public long requireCount(JsonNode parent, String field, String where) {
    Long count = optionalCount(parent, field, where);
    if (count == null) {
      throw response.invalid(where + " has no '" + field + "' count");
    }
    return count;
  }

  /** Returns a non-negative 64-bit count, or null when the field is missing or null. */
  public Long optionalCount(JsonNode parent, String field, String where) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw response.invalid(where + " has a '" + field + "' that is not a 64-bit integer");
    }
    long count = value.longValue();
    if (count < 0) {
      throw response.invalid(where + " has a negative '" + field + "' (" + count + ")");
    }
    return count;
  }

  /** Returns a string field, or null when it is missing or null. */
  public String optionalText(JsonNode parent, String field, String where) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw response.invalid(where + " has a '" + field + "' that is not a string");
    }
    return value.textValue();
  }

  public String requireText(JsonNode parent, String field, String where) {
    String text = optionalText(parent, field, where);
    if (text == null) {
      throw response.invalid(where + " has no '" + field + "' string");
    }
    return text;
  }

  /** Returns a decimal sent as a JSON number or a decimal string, exactly as sent. */
  public BigDecimal requireDecimal(JsonNode parent, String field, String where) {
    JsonNode value = parent.get(field);
    if (value != null && value.isNumber()) {
      return value.decimalValue();
    }
    if (value != null
        && value.isTextual()
        && value.textValue().matches("-?\\d{1,30}(\\.\\d{1,30})?")) {
      return new BigDecimal(value.textValue());
    }
    throw response.invalid(where + " has no decimal '" + field + "'");
  }

  /** Returns Unix seconds as an instant. */
  public Instant requireEpochSeconds(JsonNode parent, String field, String where) {
    long seconds = requireCount(parent, field, where);
    if (seconds > MAX_EPOCH_SECONDS) {
      throw response.invalid(where + " has a '" + field + "' after the year 9999");
    }
    return Instant.ofEpochSecond(seconds);
  }

  /** Returns an RFC 3339 timestamp as an instant. */
  public Instant requireTimestamp(JsonNode parent, String field, String where) {
    String text = requireText(parent, field, where);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw response.invalid(where + " has a '" + field + "' that is not an RFC 3339 timestamp");
    }
  }

  public JsonResponse response() {
    return response;
  }
}
