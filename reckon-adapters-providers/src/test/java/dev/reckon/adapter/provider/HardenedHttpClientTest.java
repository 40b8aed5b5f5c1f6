package dev.reckon.adapter.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Proxy;
import java.net.UnknownServiceException;
import java.time.Duration;
import java.util.List;
import javax.net.SocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.TlsVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HardenedHttpClientTest {

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void productionSpeaksOnlyTls12And13() {
    OkHttpClient client = HardenedHttpClient.create(HttpClientSettings.forProduction()).okHttp();

    List<ConnectionSpec> specs = client.connectionSpecs();

    assertThat(specs).hasSize(1);
    assertThat(specs.get(0).isTls()).isTrue();
    assertThat(specs.get(0).tlsVersions()).containsExactly(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2);
  }

  @Test
  void developmentAddsCleartextForLoopback() {
    OkHttpClient client = HardenedHttpClient.create(HttpClientSettings.forDevelopment()).okHttp();

    List<ConnectionSpec> specs = client.connectionSpecs();

    assertThat(specs).containsExactly(HardenedHttpClient.TLS_ONLY, ConnectionSpec.CLEARTEXT);
  }

  @Test
  void productionClientRefusesCleartext() {
    OkHttpClient client = HardenedHttpClient.create(HttpClientSettings.forProduction()).okHttp();

    Request request = new Request.Builder().url(server.url("/")).build();

    assertThatThrownBy(() -> client.newCall(request).execute())
        .isInstanceOf(UnknownServiceException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void settingsBecomeTimeoutsAndRedirectsAreOff() {
    HttpClientSettings settings =
        HttpClientSettings.forProduction()
            .withTimeouts(
                Duration.ofMillis(1100),
                Duration.ofMillis(1200),
                Duration.ofMillis(1300),
                Duration.ofMillis(1400));

    OkHttpClient client = HardenedHttpClient.create(settings).okHttp();

    assertThat(client.connectTimeoutMillis()).isEqualTo(1100);
    assertThat(client.readTimeoutMillis()).isEqualTo(1200);
    assertThat(client.writeTimeoutMillis()).isEqualTo(1300);
    assertThat(client.callTimeoutMillis()).isEqualTo(1400);
    assertThat(client.followRedirects()).isFalse();
    assertThat(client.followSslRedirects()).isFalse();
  }

  @Test
  void everyRequestCarriesUserAgent() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    OkHttpClient client = ProviderTestSupport.testClient().okHttp();

    try (Response response =
        client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
      assertThat(response.code()).isEqualTo(204);
    }

    assertThat(server.takeRequest().getHeaders().get("User-Agent")).isEqualTo("reckon/0.1");
  }

  @Test
  void clientUsesNoProxy() {
    OkHttpClient client = HardenedHttpClient.create(HttpClientSettings.forProduction()).okHttp();

    assertThat(client.proxy()).isEqualTo(Proxy.NO_PROXY);
  }

  @Test
  void socketFactoryChecksAddressesPerMode() {
    SocketFactory production =
        HardenedHttpClient.create(HttpClientSettings.forProduction()).okHttp().socketFactory();
    SocketFactory development =
        HardenedHttpClient.create(HttpClientSettings.forDevelopment()).okHttp().socketFactory();
    SocketFactory noLoopback =
        HardenedHttpClient.create(HttpClientSettings.forProduction().withMode(false, false))
            .okHttp()
            .socketFactory();

    assertThat(production).isInstanceOf(AddressCheckingSocketFactory.class);
    assertThat(((AddressCheckingSocketFactory) production).allowsLoopback()).isFalse();
    assertThat(((AddressCheckingSocketFactory) development).allowsLoopback()).isTrue();
    assertThat(((AddressCheckingSocketFactory) noLoopback).allowsLoopback()).isFalse();
  }
}
