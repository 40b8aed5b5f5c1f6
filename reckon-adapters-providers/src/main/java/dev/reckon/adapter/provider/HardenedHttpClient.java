package dev.reckon.adapter.provider;

import java.net.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.TlsVersion;

/**
 * The one OkHttp client every provider source shares, hardened for calls that carry admin keys.
 *
 * <p>It speaks TLS 1.2 and 1.3 only (cleartext only when the settings allow loopback HTTP), never
 * follows redirects because OkHttp forwards custom headers such as {@code x-api-key} to the
 * redirect target, bounds every call with a call timeout, caps the decoded response body and sends
 * the configured User-Agent. At connect time it rejects every address that is not public, except
 * loopback when the settings allow loopback HTTP, and it uses no proxy so that this check applies
 * to the provider's own address. Its TRACE log redacts credential headers. It reports each finished
 * call to the settings' {@link CallObserver}, if any. Build one per process and share it, so all
 * sources share one connection pool.
 */
public final class HardenedHttpClient {

  /** TLS 1.3 and 1.2 with OkHttp's modern cipher suites, pinned here rather than taken as is. */
  static final ConnectionSpec TLS_ONLY =
      new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
          .tlsVersions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)
          .build();

  private final OkHttpClient client;
  private final HttpClientSettings settings;

  private HardenedHttpClient(OkHttpClient client, HttpClientSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  /** Builds the client, trusting the JDK's default certificate authorities. */
  public static HardenedHttpClient create(HttpClientSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return new HardenedHttpClient(builder(settings).build(), settings);
  }

  /** Builds the client with a custom trust store, for tests against a local HTTPS server. */
  static HardenedHttpClient createTrusting(
      HttpClientSettings settings, SSLSocketFactory socketFactory, X509TrustManager trustManager) {
    OkHttpClient client = builder(settings).sslSocketFactory(socketFactory, trustManager).build();
    return new HardenedHttpClient(client, settings);
  }

  /** Returns the configured OkHttp client, for the provider sources of this module. */
  public OkHttpClient okHttp() {
    return client;
  }

  public HttpClientSettings settings() {
    return settings;
  }

  /**
   * Validates a configured provider base URL: {@code https}, or {@code http} to 127.0.0.1, ::1 or
   * localhost when these settings allow loopback HTTP, with no user info, query or fragment.
   *
   * @throws IllegalArgumentException naming the URL and the fix
   */
  public HttpUrl baseUrl(String value) {
    return BaseUrlPolicy.validate(value, settings);
  }

  private static OkHttpClient.Builder builder(HttpClientSettings settings) {
    List<ConnectionSpec> specs = new ArrayList<>(List.of(TLS_ONLY));
    if (settings.allowLoopbackHttp()) {
      specs.add(ConnectionSpec.CLEARTEXT);
    }

    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .proxy(Proxy.NO_PROXY)
            .socketFactory(new AddressCheckingSocketFactory(settings.allowLoopbackHttp()))
            .connectionSpecs(specs)
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .writeTimeout(settings.writeTimeout())
            .callTimeout(settings.callTimeout())
            .followRedirects(false)
            .followSslRedirects(false)
            .addInterceptor(new UserAgentInterceptor(settings.userAgent()))
            .addInterceptor(new RedactingLoggingInterceptor())
            .addInterceptor(new ResponseSizeLimitInterceptor(settings.maxResponseBytes()));
    if (settings.callObserver() != CallObserver.NONE) {
      builder.eventListenerFactory(CallObservingListener.factory(settings.callObserver()));
    }
    return builder;
  }
}
