package dev.reckon.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON settings of the API: snake_case fields, nulls written out (a null figure means "no
 * data", which differs from zero), duplicate fields rejected, and parser messages never shown to
 * clients because they quote the input.
 */
final class Json {

  static final String JSON = "application/json";
  static final String PROBLEM_JSON = "application/problem+json";

  static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                  .build())
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .build();

  private Json() {}

  static void write(Context ctx, int status, Object body) {
    send(ctx, status, JSON, body);
  }

  static void problem(Context ctx, Problem problem) {
    send(ctx, problem.status(), PROBLEM_JSON, problem);
  }

  static JsonParser parser(byte[] body) throws IOException {
    return MAPPER.getFactory().createParser(body);
  }

  private static void send(Context ctx, int status, String contentType, Object body) {
    try {
      ctx.status(status).contentType(contentType).result(MAPPER.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize a response body", e);
    }
  }
}
