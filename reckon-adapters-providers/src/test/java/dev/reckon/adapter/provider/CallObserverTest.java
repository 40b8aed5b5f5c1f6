package dev.reckon.adapter.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallObserverTest {

  private static final String KEY = "sk-admin-FAKE-test-0000observer";

  private final MockWebServer server = new MockWebServer();
  private final List<ObservedCall> calls = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void successfulCallIsReportedWithoutQuery() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"data\":[]}").build());
    OkHttpClient client = observedClient(ProviderTestSupport.testSettings());

    try (Response response = client.newCall(get("/v1/organization/costs?start_time=1")).execute()) {
      assertThat(response.body().string()).isEqualTo("{\"data\":[]}");
    }

    assertThat(calls).hasSize(1);
    ObservedCall call = calls.get(0);
    assertThat(call.host()).isEqualTo("127.0.0.1");
    assertThat(call.port()).isEqualTo(server.getPort());
    assertThat(call.path()).isEqualTo("/v1/organization/costs");
    assertThat(call.status()).isEqualTo(200);
    assertThat(call.failed()).isFalse();
    assertThat(call.toString()).doesNotContain(KEY).doesNotContain("start_time");
  }

  @Test
  void errorStatusIsReported() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).body("{\"error\":{}}").build());
    OkHttpClient client = observedClient(ProviderTestSupport.testSettings());

    try (Response response = client.newCall(get("/v1/organizations/usage_report")).execute()) {
      assertThat(response.code()).isEqualTo(429);
    }

    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).status()).isEqualTo(429);
    assertThat(calls.get(0).failed()).isFalse();
  }

  @Test
  void durationCoversTheWaitForHeaders() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(200).headersDelay(300, TimeUnit.MILLISECONDS).build());
    OkHttpClient client = observedClient(ProviderTestSupport.testSettings());

    try (Response response = client.newCall(get("/slow")).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).duration()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void refusedConnectionHasNoStatus() throws Exception {
    int closedPort = server.getPort();
    server.close();
    OkHttpClient client = observedClient(ProviderTestSupport.testSettings());
    Request request =
        new Request.Builder()
            .url("http://127.0.0.1:" + closedPort + "/v1/organization/costs")
            .build();

    assertThatThrownBy(() -> client.newCall(request).execute()).isInstanceOf(IOException.class);

    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).status()).isEqualTo(ObservedCall.NO_RESPONSE);
    assertThat(calls.get(0).failed()).isTrue();
    assertThat(calls.get(0).port()).isEqualTo(closedPort);
  }

  @Test
  void bodyCutShortKeepsStatusAndFails() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("{\"data\":[" + "1,".repeat(50_000) + "1]}")
            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    OkHttpClient client = observedClient(ProviderTestSupport.testSettings());

    assertThatThrownBy(
            () -> {
              try (Response response = client.newCall(get("/cut")).execute()) {
                response.body().string();
              }
            })
        .isInstanceOf(IOException.class);

    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).status()).isEqualTo(200);
    assertThat(calls.get(0).failed()).isTrue();
  }

  @Test
  void failingObserverLeavesCallIntact() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
    CallObserver broken =
        call -> {
          throw new IllegalStateException("observer broken");
        };
    OkHttpClient client =
        HardenedHttpClient.create(ProviderTestSupport.testSettings().withCallObserver(broken))
            .okHttp();

    try (Response response = client.newCall(get("/")).execute()) {
      assertThat(response.body().string()).isEqualTo("ok");
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void settingsWithoutObserverAddNoListener() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    HttpClientSettings settings = ProviderTestSupport.testSettings();
    OkHttpClient client = HardenedHttpClient.create(settings).okHttp();

    try (Response response = client.newCall(get("/")).execute()) {
      assertThat(response.code()).isEqualTo(204);
    }

    assertThat(settings.callObserver()).isSameAs(CallObserver.NONE);
    assertThat(client.eventListenerFactory().create(client.newCall(get("/"))))
        .isNotInstanceOf(CallObservingListener.class);
  }

  @Test
  void copiesKeepTheObserver() {
    CallObserver observer = calls::add;

    HttpClientSettings settings =
        HttpClientSettings.forProduction()
            .withCallObserver(observer)
            .withMode(false, true)
            .withMaxResponseBytes(4096)
            .withTimeouts(
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2));

    assertThat(settings.callObserver()).isSameAs(observer);
    assertThatThrownBy(() -> HttpClientSettings.forProduction().withCallObserver(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("callObserver");
  }

  private OkHttpClient observedClient(HttpClientSettings settings) {
    return HardenedHttpClient.create(settings.withCallObserver(calls::add)).okHttp();
  }

  private Request get(String path) {
    return new Request.Builder()
        .url("http://127.0.0.1:" + server.getPort() + path)
        .header("Authorization", "Bearer " + KEY)
        .build();
  }
}
