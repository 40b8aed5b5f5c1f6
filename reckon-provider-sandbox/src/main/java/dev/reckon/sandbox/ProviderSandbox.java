package dev.reckon.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running provider sandbox: an HTTP server on 127.0.0.1 that responds like the OpenAI and
 * Anthropic admin usage, cost and naming APIs, with data derived from a seed.
 *
 * <p>Start one with {@link #start(SandboxSettings)} and point clients at {@link #openAiBaseUrl()}
 * and {@link #anthropicBaseUrl()} with a key from {@link #adminKeys()}.
 */
public final class ProviderSandbox implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderSandbox.class);

  private static final byte[] LOOPBACK = {127, 0, 0, 1};
  private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";
  // Each request keeps a handler thread busy for the configured latency, so this is also the
  // number of delayed responses that can wait at once. Idle threads end after 30 seconds.
  private static final int HANDLER_THREADS = 256;
  private static final long IDLE_THREAD_SECONDS = 30;
  // Connections waiting to be accepted, enough for a burst of one connection per handler thread.
  private static final int ACCEPT_BACKLOG = 2 * HANDLER_THREADS;

  private final HttpServer server;
  private final ExecutorService executor;
  private final SandboxWorld world;
  private final RequestCounter counter;
  private final FailureInjector failures;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ProviderSandbox(
      HttpServer server,
      ExecutorService executor,
      SandboxWorld world,
      RequestCounter counter,
      FailureInjector failures) {
    this.server = server;
    this.executor = executor;
    this.world = world;
    this.counter = counter;
    this.failures = failures;
  }

  /**
   * Builds the world of the settings' seed and starts serving it on 127.0.0.1.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static ProviderSandbox start(SandboxSettings settings) {
    SandboxWorld world = SandboxWorld.create(settings.seed(), settings.clock());
    RequestCounter counter = new RequestCounter();
    FailureInjector failures = new FailureInjector();
    List<ProviderApi> apis = List.of(new OpenAiApi(world), new AnthropicApi(world));

    HttpServer server = bind(settings.port());
    ExecutorService executor = handlerPool();
    server.createContext("/", new SandboxHandler(apis, counter, failures, settings.latency()));
    server.setExecutor(executor);
    server.start();

    ProviderSandbox sandbox = new ProviderSandbox(server, executor, world, counter, failures);
    LOG.info(
        "provider sandbox started port={} seed={} latency_ms={}",
        sandbox.port(),
        settings.seed(),
        settings.latency().toMillis());
    return sandbox;
  }

  /** Returns the bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Returns the seed of the served world. */
  public long seed() {
    return world.seed();
  }

  /** Returns {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Returns the base URL that replaces {@code https://api.openai.com/v1}. */
  public String openAiBaseUrl() {
    return baseUrl() + OpenAiApi.PREFIX;
  }

  /** Returns the base URL that replaces {@code https://api.anthropic.com}. */
  public String anthropicBaseUrl() {
    return baseUrl() + AnthropicApi.PREFIX;
  }

  /** Returns the admin keys, OpenAI first, each reading its own organization. */
  public List<SandboxAdminKey> adminKeys() {
    return world.adminKeys();
  }

  /** Returns the provider's non-admin key, which every admin endpoint rejects with status 403. */
  public String nonAdminKey(SandboxProvider provider) {
    return world.nonAdminKey(provider);
  }

  /** Returns the served world, for comparing a client's totals with the sandbox's own. */
  public SandboxWorld world() {
    return world;
  }

  /**
   * Returns how many requests reached a path, such as {@code /openai/v1/organization/costs},
   * whatever their outcome.
   */
  public long requestCount(String path) {
    return counter.count(path);
  }

  /** Returns the request count of every path requested so far, ordered by path. */
  public Map<String, Long> requestCounts() {
    return counter.snapshot();
  }

  /** Returns how many requests reached the sandbox on any path, whatever their outcome. */
  public long totalRequests() {
    return counter.total();
  }

  /**
   * Makes the next {@code count} requests that present {@code key} fail as described, on any
   * endpoint, before authentication. Failures queued for one key add up in order.
   */
  public void injectFailures(String key, InjectedFailure failure, int count) {
    failures.add(key, failure, count);
  }

  /** Drops every queued failure. */
  public void clearInjectedFailures() {
    failures.clear();
  }

  /** Stops the server at once, dropping requests in progress; later calls do nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    int port = port();
    server.stop(0);
    executor.shutdownNow();
    LOG.info("provider sandbox stopped port={}", port);
  }

  /**
   * Returns a pool that grows to {@value #HANDLER_THREADS} threads as requests arrive. Requests
   * beyond that wait in its queue, so their response comes later than the latency.
   */
  private static ExecutorService handlerPool() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            HANDLER_THREADS,
            HANDLER_THREADS,
            IDLE_THREAD_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            new HandlerThreads());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static HttpServer bind(int port) {
    // The JDK server sends headers and body in separate writes. With Nagle's algorithm on, the body
    // then waits for the client's delayed ACK, about 40 ms per response. The JDK reads the property
    // once, when the first HTTP server of the JVM starts, so a host that started one earlier keeps
    // its own setting.
    if (System.getProperty(NO_DELAY_PROPERTY) == null) {
      System.setProperty(NO_DELAY_PROPERTY, "true");
    }
    try {
      InetAddress loopback = InetAddress.getByAddress(LOOPBACK);
      return HttpServer.create(new InetSocketAddress(loopback, port), ACCEPT_BACKLOG);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to bind the provider sandbox to 127.0.0.1:" + port, e);
    }
  }

  /** Daemon threads, so an embedded sandbox never keeps a test JVM alive. */
  private static final class HandlerThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "provider-sandbox-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
