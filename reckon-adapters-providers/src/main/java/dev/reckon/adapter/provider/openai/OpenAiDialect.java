package dev.reckon.adapter.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reckon.adapter.provider.internal.ProviderDialect;
import dev.reckon.domain.shared.Provider;
import okhttp3.Request;

/** OpenAI's bearer authentication and {@code {"error":{"code","type"}}} error bodies. */
final class OpenAiDialect implements ProviderDialect {

  @Override
  public Provider provider() {
    return Provider.OPENAI;
  }

  @Override
  public String requestIdHeader() {
    return "x-request-id";
  }

  @Override
  public void addHeaders(Request.Builder request, String adminKey) {
    request.header("Authorization", "Bearer " + adminKey);
  }

  /** Returns {@code error.code}, or {@code error.type} when the code is null, as it often is. */
  @Override
  public String errorCode(JsonNode errorBody) {
    JsonNode error = errorBody.path("error");
    JsonNode code = error.path("code");
    return code.isTextual() ? code.textValue() : error.path("type").textValue();
  }
}
