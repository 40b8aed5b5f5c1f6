package dev.reckon.adapter.provider;

import java.util.Set;
import okhttp3.HttpUrl;

/** Validates configured provider base URLs before any key is sent to them. */
final class BaseUrlPolicy {

  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "::1", "localhost");

  private BaseUrlPolicy() {}

  static HttpUrl validate(String value, HttpClientSettings settings) {
    HttpUrl url = value == null ? null : HttpUrl.parse(value.strip());
    if (url == null) {
      throw new IllegalArgumentException(
          "provider base URL must be an absolute https URL (was '" + hideUserInfo(value) + "')");
    }
    String redactedUrl = withoutUserInfo(url);
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      throw new IllegalArgumentException(
          "provider base URL must not contain a user name or password (was '"
              + redactedUrl
              + "'): remove the part before '@'");
    }
    if (url.query() != null || url.fragment() != null) {
      throw new IllegalArgumentException(
          "provider base URL must not have a query or fragment (was '"
              + redactedUrl
              + "'): remove the part from '?' or '#'");
    }

    if (url.isHttps()) {
      return url;
    }
    requireLoopbackHttpAllowed(url, redactedUrl, settings);
    return url;
  }

  private static void requireLoopbackHttpAllowed(
      HttpUrl url, String redactedUrl, HttpClientSettings settings) {
    if (settings.production()) {
      throw new IllegalArgumentException(
          "provider base URL must use https in production mode (was '" + redactedUrl + "')");
    }
    if (!settings.allowLoopbackHttp()) {
      throw new IllegalArgumentException(
          "provider base URL must use https (was '"
              + redactedUrl
              + "'): plain http works only to a loopback host with loopback HTTP allowed");
    }
    if (!LOOPBACK_HOSTS.contains(url.host())) {
      throw new IllegalArgumentException(
          "provider base URL must use https unless its host is 127.0.0.1, ::1 or localhost (was '"
              + redactedUrl
              + "')");
    }
  }

  private static String hideUserInfo(String value) {
    return value == null ? null : value.replaceAll("//[^/@]*@", "//…@");
  }

  private static String withoutUserInfo(HttpUrl url) {
    return url.newBuilder().username("").password("").build().toString();
  }
}
