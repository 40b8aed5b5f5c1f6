package dev.reckon.adapter.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the connect-time address check end to end, against loopback servers only: a client that
 * rejects loopback must fail before the server receives a request, and one that allows it gets
 * through. The servers speak HTTPS, so the tests also show that OkHttp layers TLS over the checked
 * socket.
 */
class ConnectAddressCheckTest {

  private static final HeldCertificate CERTIFICATE = LoopbackTls.localCertificate();
  private static final byte[] IPV4_LOOPBACK = {127, 0, 0, 1};
  private static final byte[] IPV6_LOOPBACK = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void productionRejectsIpv4Loopback() throws Exception {
    HttpUrl url = startHttps(IPV4_LOOPBACK, "127.0.0.1");

    AddressRejectedException rejected = rejection(HttpClientSettings.forProduction(), url);

    assertThat(rejected.category()).isEqualTo(AddressCategory.LOOPBACK);
    assertThat(rejected.address().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void productionRejectsIpv6Loopback() throws Exception {
    HttpUrl url = startHttps(IPV6_LOOPBACK, "::1");

    AddressRejectedException rejected = rejection(HttpClientSettings.forProduction(), url);

    assertThat(rejected.category()).isEqualTo(AddressCategory.LOOPBACK);
    assertThat(rejected.address().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void productionRejectsLoopbackReachedByName() throws Exception {
    HttpUrl url = startHttps(IPV4_LOOPBACK, "localhost");

    AddressRejectedException rejected = rejection(HttpClientSettings.forProduction(), url);

    assertThat(rejected.category()).isEqualTo(AddressCategory.LOOPBACK);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void developmentWithoutLoopbackHttpRejectsLoopback() throws Exception {
    HttpUrl url = startHttps(IPV4_LOOPBACK, "127.0.0.1");
    HttpClientSettings settings = HttpClientSettings.forProduction().withMode(false, false);

    AddressRejectedException rejected = rejection(settings, url);

    assertThat(rejected.category()).isEqualTo(AddressCategory.LOOPBACK);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void loopbackAllowedReachesIpv4OverHttps() throws Exception {
    HttpUrl url = startHttps(IPV4_LOOPBACK, "127.0.0.1");

    assertThat(status(ProviderTestSupport.testSettings(), url)).isEqualTo(204);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void loopbackAllowedReachesIpv6OverHttps() throws Exception {
    HttpUrl url = startHttps(IPV6_LOOPBACK, "::1");

    assertThat(status(ProviderTestSupport.testSettings(), url)).isEqualTo(204);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void loopbackAllowedReachesPlainHttp() throws Exception {
    server.start(InetAddress.getByAddress(IPV4_LOOPBACK), 0);
    server.enqueue(new MockResponse.Builder().code(204).build());
    OkHttpClient client = ProviderTestSupport.testClient().okHttp();
    HttpUrl url = server.url("/").newBuilder().host("127.0.0.1").build();

    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).isEqualTo(204);
    }
  }

  @Test
  void rejectedConnectionNeverReachesTheServer() throws Exception {
    try (RawLoopbackServer raw = new RawLoopbackServer(socket -> {})) {
      OkHttpClient client = HardenedHttpClient.create(HttpClientSettings.forProduction()).okHttp();
      Request request = new Request.Builder().url(raw.url("https", "/")).build();

      Throwable failure = catchThrowable(() -> client.newCall(request).execute());

      assertThat(failure).hasRootCauseInstanceOf(AddressRejectedException.class);
      assertThat(raw.acceptedConnections()).isZero();
    }
  }

  @Test
  void factoryChecksItsConnectingMethodsToo() throws Exception {
    try (RawLoopbackServer raw = new RawLoopbackServer(socket -> {})) {
      InetAddress loopback = InetAddress.getByAddress(IPV4_LOOPBACK);
      AddressCheckingSocketFactory rejecting = new AddressCheckingSocketFactory(false);
      AddressCheckingSocketFactory allowing = new AddressCheckingSocketFactory(true);

      assertThat(catchThrowable(() -> rejecting.createSocket(loopback, raw.port())))
          .isInstanceOf(AddressRejectedException.class);
      assertThat(catchThrowable(() -> rejecting.createSocket("127.0.0.1", raw.port())))
          .isInstanceOf(AddressRejectedException.class);
      assertThat(catchThrowable(() -> rejecting.createSocket(loopback, raw.port(), loopback, 0)))
          .isInstanceOf(AddressRejectedException.class);
      try (Socket socket = allowing.createSocket(loopback, raw.port())) {
        assertThat(socket.isConnected()).isTrue();
      }
    }
  }

  /** Starts the HTTPS server on the address and returns its URL with the given host. */
  private HttpUrl startHttps(byte[] address, String host) throws IOException {
    server.useHttps(LoopbackTls.serverSockets(CERTIFICATE));
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.start(InetAddress.getByAddress(address), 0);
    return server.url("/").newBuilder().host(host).build();
  }

  private static AddressRejectedException rejection(HttpClientSettings settings, HttpUrl url) {
    OkHttpClient client = LoopbackTls.trustingClient(settings, CERTIFICATE).okHttp();

    Throwable failure = catchThrowable(() -> client.newCall(get(url)).execute());

    assertThat(failure).hasRootCauseInstanceOf(AddressRejectedException.class);
    Throwable cause = failure;
    while (!(cause instanceof AddressRejectedException)) {
      cause = cause.getCause();
    }
    return (AddressRejectedException) cause;
  }

  private static int status(HttpClientSettings settings, HttpUrl url) throws IOException {
    OkHttpClient client = LoopbackTls.trustingClient(settings, CERTIFICATE).okHttp();
    try (Response response = client.newCall(get(url)).execute()) {
      return response.code();
    }
  }

  private static Request get(HttpUrl url) {
    return new Request.Builder().url(url).build();
  }
}
