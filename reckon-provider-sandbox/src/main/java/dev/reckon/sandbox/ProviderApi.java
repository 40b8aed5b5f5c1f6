package dev.reckon.sandbox;

import java.util.Optional;

/** One provider's admin API: its credential, its endpoints and its error shape. */
interface ProviderApi {

  SandboxProvider provider();

  /** Returns the path prefix the API is served under, such as {@code /openai/v1}. */
  String prefix();

  /** Returns the response header that carries the request id. */
  String requestIdHeader();

  /** Returns the key a request presents, if any; failure injection is keyed by it. */
  Optional<String> credential(ApiRequest request);

  /** Returns the response to a request, or throws {@link ApiError}. */
  ApiResponse handle(ApiRequest request);

  /** Renders an error in the provider's shape. */
  byte[] errorBody(ApiError error, String requestId);

  /** Returns a new request id in the provider's format. */
  String requestId(long sequence);
}
