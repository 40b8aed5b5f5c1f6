package dev.reckon.adapter.provider;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Sets the configured User-Agent on every request, because Anthropic's documentation requests an
 * identifying one from integrations.
 */
final class UserAgentInterceptor implements Interceptor {

  private final String userAgent;

  UserAgentInterceptor(String userAgent) {
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
  }
}
