package dev.reckon.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP handler of the sandbox: counts the request, picks the provider API by path prefix,
 * applies an injected failure if one is queued for the presented key, waits the configured latency
 * and sends the response.
 */
final class SandboxHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxHandler.class);

  private static final byte[] UNKNOWN_API =
      ("{\"error\":{\"message\":\"No provider API at this path; the sandbox serves /openai/v1"
              + " and /anthropic\",\"type\":\"invalid_request_error\"}}")
          .getBytes(StandardCharsets.UTF_8);

  private final List<ProviderApi> apis;
  private final RequestCounter counter;
  private final FailureInjector failures;
  private final Duration latency;
  private final AtomicLong sequence = new AtomicLong();

  SandboxHandler(
      List<ProviderApi> apis, RequestCounter counter, FailureInjector failures, Duration latency) {
    this.apis = List.copyOf(apis);
    this.counter = counter;
    this.failures = failures;
    this.latency = latency;
  }

  @Override
  public void handle(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    try {
      counter.increment(path);
      Optional<ProviderApi> api = apiFor(path);
      if (api.isEmpty()) {
        send(exchange, new ApiResponse(404, Map.of(), UNKNOWN_API), false);
      } else {
        respond(exchange, api.get(), path);
      }
    } catch (IOException e) {
      LOG.debug("response not delivered path={}", path, e);
    } catch (InterruptedException e) {
      // The sandbox is closing and drops the request unanswered.
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private Optional<ProviderApi> apiFor(String path) {
    return apis.stream()
        .filter(api -> path.equals(api.prefix()) || path.startsWith(api.prefix() + "/"))
        .findFirst();
  }

  private void respond(HttpExchange exchange, ProviderApi api, String path)
      throws IOException, InterruptedException {
    String requestId = api.requestId(sequence.incrementAndGet());
    ApiRequest request = request(exchange, path.substring(api.prefix().length()));
    Optional<InjectedFailure> failure = api.credential(request).flatMap(failures::next);
    boolean truncate =
        failure.map(f -> f.kind() == InjectedFailure.Kind.TRUNCATED_BODY).orElse(false);

    ApiResponse response;
    if (failure.isPresent() && !truncate) {
      response = errorResponse(api, InjectedErrors.of(failure.get()), requestId);
    } else {
      response = answer(api, request, requestId);
    }

    Map<String, String> headers = new HashMap<>(response.headers());
    headers.put(api.requestIdHeader(), requestId);
    send(exchange, new ApiResponse(response.status(), headers, response.body()), truncate);
    LOG.debug(
        "request answered method={} path={} status={} request_id={} injected_failure={}",
        request.method(),
        path,
        response.status(),
        requestId,
        failure.map(InjectedFailure::kind).orElse(null));
  }

  private static ApiResponse answer(ProviderApi api, ApiRequest request, String requestId) {
    try {
      return api.handle(request);
    } catch (ApiError e) {
      return errorResponse(api, e, requestId);
    } catch (RuntimeException e) {
      LOG.error(
          "request failed with an unexpected error path={} request_id={}",
          request.path(),
          requestId,
          e);
      ApiError error = ApiError.of(ApiError.Kind.SERVER_ERROR, "The sandbox failed unexpectedly");
      return errorResponse(api, error, requestId);
    }
  }

  private static ApiResponse errorResponse(ProviderApi api, ApiError error, String requestId) {
    Map<String, String> headers = new HashMap<>();
    if (error.retryAfter() != null) {
      headers.put("retry-after", Long.toString(error.retryAfter().toSeconds()));
    }
    if (error.kind() == ApiError.Kind.METHOD_NOT_ALLOWED) {
      headers.put("allow", "GET");
    }
    return new ApiResponse(error.status(), headers, api.errorBody(error, requestId));
  }

  private static ApiRequest request(HttpExchange exchange, String relativePath) {
    Map<String, List<String>> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    QueryParams query = QueryParams.parse(exchange.getRequestURI().getRawQuery());
    return new ApiRequest(method, relativePath, headers, query);
  }

  /**
   * Waits the configured latency, then sends a response. A truncated one declares the whole length,
   * sends half of the body and leaves the stream open. Closing the exchange then fails on the
   * missing bytes and the JDK server drops the connection, so the client reads a body that ends
   * early.
   */
  private void send(HttpExchange exchange, ApiResponse response, boolean truncate)
      throws IOException, InterruptedException {
    if (!latency.isZero()) {
      Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
    }
    Headers headers = exchange.getResponseHeaders();
    headers.set("content-type", "application/json");
    response.headers().forEach(headers::set);
    if (exchange.getRequestMethod().equalsIgnoreCase("HEAD")) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.status(), body.length);
    OutputStream out = exchange.getResponseBody();
    if (truncate) {
      out.write(body, 0, body.length / 2);
      out.flush();
      return;
    }
    try (out) {
      out.write(body);
    }
  }
}
