package dev.reckon.worker.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /metrics} in the Prometheus text format with the JDK's HTTP server, for a
 * Prometheus scraper. It binds to one address, 127.0.0.1 unless configured otherwise, and serves
 * nothing else. Other paths get 404 and other methods 405.
 */
public final class MetricsServer implements AutoCloseable {

  public static final String PATH = "/metrics";

  private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
  private static final String PLAIN = "text/plain; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving the text that {@code body} renders on each request.
   *
   * @param host the address to bind, such as {@code 127.0.0.1}. A host name is resolved once, here.
   * @param port the TCP port, or 0 for any free port
   * @throws IllegalArgumentException when the port is out of range or the host cannot be resolved
   * @throws UncheckedIOException when the address cannot be bound, for example a port in use
   */
  public static MetricsServer start(String host, int port, Supplier<String> body) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(body, "body");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(
          "the metrics port must be from 0 to 65535 (was " + port + ")");
    }

    HttpServer server = bind(host, port);
    ExecutorService executor = singleDaemonThread();
    server.createContext("/", exchange -> handle(exchange, body));
    server.setExecutor(executor);
    server.start();

    MetricsServer started = new MetricsServer(server, executor);
    LOG.atInfo()
        .addKeyValue("host", host)
        .addKeyValue("port", started.port())
        .log("metrics server started");
    return started;
  }

  /** Returns the bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops serving at once, dropping a scrape in progress. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    LOG.info("metrics server stopped");
  }

  private static void handle(HttpExchange exchange, Supplier<String> body) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals(PATH)) {
        respond(exchange, 404, PLAIN, "Not found: use GET " + PATH + "\n");
      } else if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        respond(exchange, 405, PLAIN, "Method not allowed: use GET\n");
      } else {
        serveMetrics(exchange, body);
      }
    }
  }

  private static void serveMetrics(HttpExchange exchange, Supplier<String> body)
      throws IOException {
    String text;
    try {
      text = body.get();
    } catch (RuntimeException e) {
      // A bug in the metrics code: the scrape fails visibly and the worker keeps running.
      LOG.error("failed to render the metrics", e);
      respond(exchange, 500, PLAIN, "Rendering the metrics failed; see the worker log\n");
      return;
    }
    respond(exchange, 200, WorkerMetrics.CONTENT_TYPE, text);
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static HttpServer bind(String host, int port) {
    InetSocketAddress address = new InetSocketAddress(resolve(host), port);
    try {
      return HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "failed to bind the metrics server to "
              + host
              + ":"
              + port
              + "; choose a free port with RECKON_WORKER_METRICS_PORT",
          e);
    }
  }

  // One thread is enough for a scraper every few seconds, and as a daemon it never keeps the JVM
  // alive.
  private static ExecutorService singleDaemonThread() {
    return Executors.newSingleThreadExecutor(
        task -> {
          Thread thread = new Thread(task, "worker-metrics-http");
          thread.setDaemon(true);
          return thread;
        });
  }

  private static InetAddress resolve(String host) {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "the metrics host '" + host + "' cannot be resolved; use an address such as 127.0.0.1",
          e);
    }
  }
}
