package dev.reckon.web;

import dev.reckon.ports.service.RetentionPolicy;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.util.thread.ThreadPool;

/** The web app on a loopback port, wired to in-memory fakes, with a small HTTP client. */
final class TestApp implements AutoCloseable {

  final FakeOrganizations organizations = new FakeOrganizations();
  final FakeProviderKeys keys = new FakeProviderKeys();
  final FakeSpend spend = new FakeSpend();
  final FakeDataDeletion deletion = new FakeDataDeletion(organizations);
  final FakeKeyHealth keyHealth = new FakeKeyHealth();
  final List<String> readinessFailures = new ArrayList<>();
  final Javalin app;

  private final HttpClient client = HttpClient.newHttpClient();

  TestApp() {
    this(null);
  }

  /** Starts the app with Jetty's default thread pool, or with {@code threadPool} when not null. */
  TestApp(ThreadPool threadPool) {
    WebServices services =
        new WebServices(
            new FakeSessions(),
            organizations,
            organizations,
            keys,
            keys,
            spend,
            spend,
            deletion,
            keyHealth,
            RetentionPolicy.defaults(),
            () -> readinessFailures);
    Javalin created = WebApp.create(services);
    if (threadPool != null) {
      created.unsafe.jetty.threadPool = threadPool;
    }
    app = created.start("127.0.0.1", 0);
  }

  HttpResponse<String> get(String path, String token) {
    return send("GET", path, token, null, null);
  }

  HttpResponse<String> sendJson(String method, String path, String token, String json) {
    return send(method, path, token, "application/json", json);
  }

  HttpResponse<String> send(
      String method, String path, String token, String contentType, String body) {
    return exchange(method, path, token == null ? null : "Bearer " + token, contentType, body);
  }

  HttpResponse<String> sendWithAuthorization(
      String method, String path, String authorization, String body) {
    return exchange(method, path, authorization, "application/json", body);
  }

  private HttpResponse<String> exchange(
      String method, String path, String authorization, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.stop();
  }

  static String problem(int status, String type, String title, String detail) {
    return "{\"type\":\"https://reckon.dev/problems/"
        + type
        + "\",\"title\":\""
        + title
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + detail
        + "\"}";
  }
}
