package dev.reckon.adapter.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.ports.out.ProviderCallException;
import java.io.IOException;
import java.time.Instant;
import okhttp3.Response;
import okio.BufferedSource;

/** Reads the error code, request id and retry delay from a non-2xx response. */
final class ErrorResponses {

  /** Error bodies are a few hundred bytes; more is not worth waiting for. */
  static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

  private ErrorResponses() {}

  static ProviderCallException toException(
      ProviderDialect dialect,
      Response response,
      String requestId,
      SecretBytes adminKey,
      Instant now) {
    JsonNode errorBody = readErrorBody(response);
    String errorCode = null;
    if (errorBody != null) {
      errorCode = SafeText.token(dialect.errorCode(errorBody), adminKey);
      if (requestId == null) {
        requestId = SafeText.token(dialect.requestIdFromBody(errorBody), adminKey);
      }
    }
    return ErrorClassifier.classify(
        dialect.provider(),
        response.code(),
        errorCode,
        requestId,
        RetryAfter.parse(response.header("Retry-After"), now));
  }

  /** Returns the parsed error body, or null when it is missing, too long or not JSON. */
  private static JsonNode readErrorBody(Response response) {
    try {
      BufferedSource source = response.body().source();
      if (source.request(MAX_ERROR_BODY_BYTES + 1L)) {
        return null;
      }
      return ProviderJson.parse(source.getBuffer().readByteArray());
    } catch (IOException e) {
      return null;
    }
  }
}
