package dev.reckon.adapter.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the one HTTP client all provider sources share: timeouts, the response size limit,
 * the User-Agent, whether plain HTTP to a loopback host is allowed, and an optional observer of
 * finished calls for metrics.
 *
 * <p>Loopback HTTP exists for the local provider sandbox and tests. Production mode never allows
 * it. The same flag decides whether the client may connect to a loopback address at all, over HTTP
 * or HTTPS, while private, link-local and other non-public addresses stay rejected in every mode.
 */
public record HttpClientSettings(
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout,
    Duration callTimeout,
    long maxResponseBytes,
    String userAgent,
    boolean production,
    boolean allowLoopbackHttp,
    CallObserver callObserver) {

  public static final String DEFAULT_USER_AGENT = "reckon/0.1";
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

  public HttpClientSettings {
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("readTimeout", readTimeout);
    requirePositive("writeTimeout", writeTimeout);
    requirePositive("callTimeout", callTimeout);
    if (maxResponseBytes < 1024) {
      throw new IllegalArgumentException(
          "'maxResponseBytes' must be at least 1024 (was " + maxResponseBytes + ")");
    }
    Objects.requireNonNull(userAgent, "userAgent");
    if (!userAgent.matches("[\\x21-\\x7e][\\x20-\\x7e]{0,199}")) {
      throw new IllegalArgumentException(
          "'userAgent' must be 1 to 200 printable ASCII characters (was '" + userAgent + "')");
    }
    if (production && allowLoopbackHttp) {
      throw new IllegalArgumentException(
          "'allowLoopbackHttp' must be false in production mode: provider calls must use https");
    }
    Objects.requireNonNull(callObserver, "callObserver");
  }

  /** Creates settings without a call observer. */
  public HttpClientSettings(
      Duration connectTimeout,
      Duration readTimeout,
      Duration writeTimeout,
      Duration callTimeout,
      long maxResponseBytes,
      String userAgent,
      boolean production,
      boolean allowLoopbackHttp) {
    this(
        connectTimeout,
        readTimeout,
        writeTimeout,
        callTimeout,
        maxResponseBytes,
        userAgent,
        production,
        allowLoopbackHttp,
        CallObserver.NONE);
  }

  /** Returns production settings: https only, 5 s connect, 20 s read and write, 60 s per call. */
  public static HttpClientSettings forProduction() {
    return new HttpClientSettings(
        Duration.ofSeconds(5),
        Duration.ofSeconds(20),
        Duration.ofSeconds(20),
        Duration.ofSeconds(60),
        DEFAULT_MAX_RESPONSE_BYTES,
        DEFAULT_USER_AGENT,
        true,
        false,
        CallObserver.NONE);
  }

  /** Returns the production timeouts outside production mode, with loopback HTTP allowed. */
  public static HttpClientSettings forDevelopment() {
    return forProduction().withMode(false, true);
  }

  /** Returns a copy with other production and loopback HTTP flags. */
  public HttpClientSettings withMode(boolean production, boolean allowLoopbackHttp) {
    return new HttpClientSettings(
        connectTimeout,
        readTimeout,
        writeTimeout,
        callTimeout,
        maxResponseBytes,
        userAgent,
        production,
        allowLoopbackHttp,
        callObserver);
  }

  /** Returns a copy with other timeouts. */
  public HttpClientSettings withTimeouts(
      Duration connectTimeout, Duration readTimeout, Duration writeTimeout, Duration callTimeout) {
    return new HttpClientSettings(
        connectTimeout,
        readTimeout,
        writeTimeout,
        callTimeout,
        maxResponseBytes,
        userAgent,
        production,
        allowLoopbackHttp,
        callObserver);
  }

  /** Returns a copy with another response size limit, in bytes of the decoded body. */
  public HttpClientSettings withMaxResponseBytes(long maxResponseBytes) {
    return new HttpClientSettings(
        connectTimeout,
        readTimeout,
        writeTimeout,
        callTimeout,
        maxResponseBytes,
        userAgent,
        production,
        allowLoopbackHttp,
        callObserver);
  }

  /** Returns a copy whose client reports every finished call to {@code observer}. */
  public HttpClientSettings withCallObserver(CallObserver observer) {
    return new HttpClientSettings(
        connectTimeout,
        readTimeout,
        writeTimeout,
        callTimeout,
        maxResponseBytes,
        userAgent,
        production,
        allowLoopbackHttp,
        observer);
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("'" + name + "' must be positive (was " + value + ")");
    }
  }
}
