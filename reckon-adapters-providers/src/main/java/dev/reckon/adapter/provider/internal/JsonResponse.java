package dev.reckon.adapter.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reckon.domain.shared.Provider;
import dev.reckon.ports.out.ProviderResponseInvalidException;

/** A successful provider response: its parsed JSON body, HTTP status and request id. */
public record JsonResponse(Provider provider, int status, String requestId, JsonNode body) {

  /** Builds the exception for a body that does not have the documented shape. */
  public ProviderResponseInvalidException invalid(String summary) {
    return new ProviderResponseInvalidException(provider, status, null, requestId, summary, null);
  }
}
