package dev.reckon.worker.metrics;

import dev.reckon.adapter.provider.ObservedCall;
import dev.reckon.domain.shared.Provider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells which provider a call went to, from the configured base URLs. Host, port and path prefix
 * must all match, because the local provider sandbox serves both providers on one host and port
 * under different paths. When several prefixes match, the longest is used.
 */
final class ProviderEndpoints {

  /** The provider label of a call that matches no base URL. */
  static final String OTHER = "other";

  private final List<Endpoint> endpoints = new ArrayList<>();

  ProviderEndpoints(Map<Provider, String> baseUrls) {
    baseUrls.forEach((provider, url) -> endpoints.add(Endpoint.parse(provider, url)));
    endpoints.sort(Comparator.comparingInt((Endpoint e) -> e.pathPrefix().length()).reversed());
  }

  /** Returns the provider's id, such as {@code openai}, or {@value #OTHER}. */
  String providerOf(ObservedCall call) {
    for (Endpoint endpoint : endpoints) {
      if (endpoint.matches(call)) {
        return endpoint.provider().id();
      }
    }
    return OTHER;
  }

  private record Endpoint(Provider provider, String host, int port, String pathPrefix) {

    static Endpoint parse(Provider provider, String url) {
      URI uri;
      try {
        uri = new URI(url);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            "the " + provider.id() + " base URL is not a valid URL (was '" + url + "')", e);
      }
      if (uri.getHost() == null || uri.getScheme() == null) {
        throw new IllegalArgumentException(
            "the " + provider.id() + " base URL needs a scheme and a host (was '" + url + "')");
      }
      int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(uri.getScheme());
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      // URI keeps the brackets of an IPv6 literal, but OkHttp reports the host without them.
      String host = uri.getHost().replace("[", "").replace("]", "").toLowerCase(Locale.ROOT);
      return new Endpoint(provider, host, port, prefix);
    }

    private static int defaultPort(String scheme) {
      return scheme.equalsIgnoreCase("http") ? 80 : 443;
    }

    boolean matches(ObservedCall call) {
      return call.host().equalsIgnoreCase(host)
          && call.port() == port
          && (call.path().equals(pathPrefix) || call.path().startsWith(pathPrefix + "/"));
    }
  }
}
