package dev.reckon.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request reduced to what a provider API handles.
 *
 * @param path the path below the provider's prefix, such as {@code /organization/costs}
 * @param headers the request headers, names in lower case
 */
record ApiRequest(
    String method, String path, Map<String, List<String>> headers, QueryParams query) {

  Optional<String> header(String name) {
    return headers.getOrDefault(name, List.of()).stream().findFirst();
  }
}
