package dev.reckon.adapter.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reckon.domain.shared.Provider;
import okhttp3.Request;

/** Provider-specific HTTP details: authentication headers, request id header and error bodies. */
public interface ProviderDialect {

  Provider provider();

  /** Returns the response header that carries the provider's request id. */
  String requestIdHeader();

  /** Adds the authentication and version headers, given the key as a header value. */
  void addHeaders(Request.Builder request, String adminKey);

  /** Returns the provider's error code or type from a parsed error body, or null. */
  String errorCode(JsonNode errorBody);

  /** Returns the request id from a parsed error body, for providers that repeat it there. */
  default String requestIdFromBody(JsonNode errorBody) {
    return null;
  }
}
