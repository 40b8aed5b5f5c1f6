package dev.reckon.adapter.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.provider.LoopbackTls.RecordingSocketFactory;
import java.io.IOException;
import java.security.Security;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.TlsVersion;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the hardened client against HTTPS servers on loopback. The settings allow loopback, because
 * the connect-time address check rejects it otherwise.
 */
class HardenedHttpClientTlsTest {

  private static final HeldCertificate CERTIFICATE = LoopbackTls.localCertificate();

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
  void tls12OnlyServerSucceeds() throws Exception {
    server.useHttps(LoopbackTls.serverSockets(CERTIFICATE, "TLSv1.2"));
    server.enqueue(new MockResponse.Builder().code(204).build());
    OkHttpClient client = trustingClient().okHttp();

    try (Response response = client.newCall(get()).execute()) {
      assertThat(response.code()).isEqualTo(204);
      assertThat(response.handshake().tlsVersion()).isEqualTo(TlsVersion.TLS_1_2);
    }
  }

  @Test
  void tls13OnlyServerSucceeds() throws Exception {
    server.useHttps(LoopbackTls.serverSockets(CERTIFICATE, "TLSv1.3"));
    server.enqueue(new MockResponse.Builder().code(204).build());
    OkHttpClient client = trustingClient().okHttp();

    try (Response response = client.newCall(get()).execute()) {
      assertThat(response.handshake().tlsVersion()).isEqualTo(TlsVersion.TLS_1_3);
    }
  }

  /**
   * OkHttp (5.5.1) enables the intersection of the connection spec's versions and those the socket
   * enables by default. The JDK default already leaves TLS 1.1 out, so the factory here enables it
   * as an older JDK would, and the spec alone must remove it.
   */
  @Test
  void clientSocketsEnableOnlyTls12And13() throws Exception {
    server.useHttps(LoopbackTls.serverSockets(CERTIFICATE));
    server.enqueue(new MockResponse.Builder().code(204).build());
    RecordingSocketFactory sockets =
        LoopbackTls.clientSockets(CERTIFICATE, "TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");
    OkHttpClient client =
        LoopbackTls.trustingClient(ProviderTestSupport.testSettings(), CERTIFICATE, sockets)
            .okHttp();

    try (Response response = client.newCall(get()).execute()) {
      assertThat(response.code()).isEqualTo(204);
    }

    List<SSLSocket> created = sockets.created();
    assertThat(created).isNotEmpty();
    for (SSLSocket socket : created) {
      assertThat(socket.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
    }
  }

  /**
   * The JDK's own {@code jdk.tls.disabledAlgorithms} lists TLSv1.1 by default since JDK 16, and
   * then the server cannot negotiate it either, so this handshake fails on both sides. The two
   * tests below show that the client alone offers only TLS 1.2 and 1.3 and rejects a server that
   * picks TLS 1.1.
   */
  @Test
  void tls11OnlyServerFailsHandshake() {
    server.useHttps(LoopbackTls.serverSockets(CERTIFICATE, "TLSv1.1"));
    server.enqueue(new MockResponse.Builder().code(204).build());
    OkHttpClient client = trustingClient().okHttp();

    assertThatThrownBy(() -> client.newCall(get()).execute()).isInstanceOf(SSLException.class);
    assertThat(server.getRequestCount()).isZero();
    assertThat(Security.getProperty("jdk.tls.disabledAlgorithms")).isNotNull();
  }

  @Test
  void clientHelloOffersOnlyTls12And13() throws Exception {
    List<TlsRecords.ClientHello> hellos = new CopyOnWriteArrayList<>();
    try (RawLoopbackServer raw =
        new RawLoopbackServer(
            socket -> {
              hellos.add(TlsRecords.readClientHello(socket.getInputStream()));
              socket.close();
            })) {
      OkHttpClient client = ProviderTestSupport.testClient().okHttp();
      Request request = new Request.Builder().url(raw.url("https", "/")).build();

      assertThatThrownBy(() -> client.newCall(request).execute()).isInstanceOf(IOException.class);

      assertThat(hellos).isNotEmpty();
      for (TlsRecords.ClientHello hello : hellos) {
        assertThat(hello.legacyVersion()).isEqualTo(TlsRecords.TLS_1_2);
        assertThat(hello.supportedVersions())
            .containsExactlyInAnyOrder(TlsRecords.TLS_1_3, TlsRecords.TLS_1_2);
      }
    }
  }

  @Test
  void serverChoosingTls11IsRejected() throws Exception {
    try (RawLoopbackServer raw =
        new RawLoopbackServer(
            socket -> {
              TlsRecords.readClientHello(socket.getInputStream());
              // TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, a suite TLS 1.1 servers pick.
              TlsRecords.writeServerHello(socket.getOutputStream(), TlsRecords.TLS_1_1, 0xc013);
              socket.getInputStream().readAllBytes();
            })) {
      OkHttpClient client = ProviderTestSupport.testClient().okHttp();
      Request request = new Request.Builder().url(raw.url("https", "/")).build();

      assertThatThrownBy(() -> client.newCall(request).execute())
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("TLS11");
    }
  }

  @Test
  void untrustedCertificateFailsHandshake() {
    server.useHttps(LoopbackTls.serverSockets(CERTIFICATE));
    server.enqueue(new MockResponse.Builder().code(204).build());
    OkHttpClient client = ProviderTestSupport.testClient().okHttp();

    assertThatThrownBy(() -> client.newCall(get()).execute())
        .isInstanceOf(SSLHandshakeException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void certificateForOtherHostFailsVerification() {
    HeldCertificate otherHost =
        new HeldCertificate.Builder()
            .commonName("provider.invalid")
            .addSubjectAlternativeName("provider.invalid")
            .build();
    server.useHttps(LoopbackTls.serverSockets(otherHost));
    server.enqueue(new MockResponse.Builder().code(204).build());
    OkHttpClient client =
        LoopbackTls.trustingClient(ProviderTestSupport.testSettings(), otherHost).okHttp();

    assertThatThrownBy(() -> client.newCall(get()).execute())
        .isInstanceOf(SSLException.class)
        .hasMessageContaining("not verified");
    assertThat(server.getRequestCount()).isZero();
  }

  private HardenedHttpClient trustingClient() {
    return LoopbackTls.trustingClient(ProviderTestSupport.testSettings(), CERTIFICATE);
  }

  private Request get() {
    return new Request.Builder().url(server.url("/")).build();
  }
}
