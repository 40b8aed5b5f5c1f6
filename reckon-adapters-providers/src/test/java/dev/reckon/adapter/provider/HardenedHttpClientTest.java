package dev.reckon.adapter.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.UnknownServiceException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.TlsVersion;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
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
  void httpsWorksWithTrustedCertificate() throws Exception {
    HeldCertificate certificate = localCertificate();
    server.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(certificate)
            .build()
            .sslSocketFactory());
    server.enqueue(new MockResponse.Builder().code(204).build());
    HandshakeCertificates trust =
        new HandshakeCertificates.Builder()
            .addTrustedCertificate(certificate.certificate())
            .build();
    OkHttpClient client =
        HardenedHttpClient.createTrusting(
                HttpClientSettings.forProduction(), trust.sslSocketFactory(), trust.trustManager())
            .okHttp();

    try (Response response =
        client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
      assertThat(response.handshake().tlsVersion()).isIn(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2);
    }

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHandshake()).isNotNull();
  }

  @Test
  void httpsRejectsUntrustedCertificate() {
    server.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(localCertificate())
            .build()
            .sslSocketFactory());
    OkHttpClient client = HardenedHttpClient.create(HttpClientSettings.forProduction()).okHttp();

    Request request = new Request.Builder().url(server.url("/")).build();

    assertThatThrownBy(() -> client.newCall(request).execute())
        .isInstanceOf(SSLHandshakeException.class);
  }

  private static HeldCertificate localCertificate() {
    return new HeldCertificate.Builder()
        .commonName("localhost")
        .addSubjectAlternativeName("localhost")
        .addSubjectAlternativeName("127.0.0.1")
        .build();
  }
}
