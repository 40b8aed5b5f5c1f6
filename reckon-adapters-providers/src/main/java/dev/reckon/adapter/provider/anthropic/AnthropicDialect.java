package dev.reckon.adapter.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reckon.adapter.provider.internal.ProviderDialect;
import dev.reckon.domain.shared.Provider;
import okhttp3.Request;

/** Anthropic's {@code x-api-key} authentication, API version header and error bodies. */
final class AnthropicDialect implements ProviderDialect {

  static final String API_VERSION = "2023-06-01";

  @Override
  public Provider provider() {
    return Provider.ANTHROPIC;
  }

  @Override
  public String requestIdHeader() {
    return "request-id";
  }

  @Override
  public void addHeaders(Request.Builder request, String adminKey) {
    request.header("x-api-key", adminKey);
    request.header("anthropic-version", API_VERSION);
  }

  /** Returns {@code error.type}, such as {@code rate_limit_error}. */
  @Override
  public String errorCode(JsonNode errorBody) {
    return errorBody.path("error").path("type").textValue();
  }

  @Override
  public String requestIdFromBody(JsonNode errorBody) {
    return errorBody.path("request_id").textValue();
  }
}
