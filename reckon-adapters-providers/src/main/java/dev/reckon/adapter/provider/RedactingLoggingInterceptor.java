package dev.reckon.adapter.provider;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each request and its response or failure at TRACE level, with the method, host, path,
 * status, duration and headers but never a query string or body.
 *
 * <p>Only the values of the headers named in {@link #LOGGED_HEADERS} or starting with one of {@link
 * #LOGGED_HEADER_PREFIXES} are written, so {@code Authorization}, {@code x-api-key}, cookies and
 * any credential header a provider adds later appear as {@value #REDACTED}. Because a server can
 * echo what it was sent, a logged value is redacted as well when it shares a run of {@value
 * #SECRET_PIECE} characters with a redacted request header value.
 */
final class RedactingLoggingInterceptor implements Interceptor {

  static final String REDACTED = "[redacted]";
  static final int SECRET_PIECE = 5;

  private static final Logger LOG = LoggerFactory.getLogger(RedactingLoggingInterceptor.class);

  /** Lower-case names of headers whose values carry no credential. */
  static final Set<String> LOGGED_HEADERS =
      Set.of(
          "accept",
          "accept-encoding",
          "anthropic-version",
          "cf-ray",
          "connection",
          "content-encoding",
          "content-length",
          "content-type",
          "date",
          "openai-processing-ms",
          "openai-version",
          "request-id",
          "retry-after",
          "server",
          "transfer-encoding",
          "user-agent",
          "vary",
          "x-request-id");

  /** Lower-case prefixes of rate limit headers, which carry counts and reset times. */
  static final List<String> LOGGED_HEADER_PREFIXES =
      List.of("x-ratelimit-", "anthropic-ratelimit-");

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!LOG.isTraceEnabled()) {
      return chain.proceed(request);
    }

    List<String> secrets = redactedValues(request.headers());
    String target = request.method() + " " + request.url().host() + request.url().encodedPath();
    LOG.trace("Request {} headers {}", target, describe(request.headers(), secrets));
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      LOG.trace(
          "Response {} to {} after {} ms headers {}",
          response.code(),
          target,
          elapsedMillis(start),
          describe(response.headers(), secrets));
      return response;
    } catch (IOException e) {
      LOG.trace(
          "Request {} failed after {} ms: {}",
          target,
          elapsedMillis(start),
          e.getClass().getSimpleName());
      throw e;
    }
  }

  /** Returns the headers as {@code [Name: value, ...]} with every unlisted value redacted. */
  static String describe(Headers headers, List<String> secrets) {
    List<String> parts = new ArrayList<>(headers.size());
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = headers.value(i);
      boolean logged = isLogged(name) && !sharesPieceWithAny(value, secrets);
      parts.add(name + ": " + (logged ? value : REDACTED));
    }
    return parts.toString();
  }

  private static List<String> redactedValues(Headers headers) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      if (!isLogged(headers.name(i))) {
        values.add(headers.value(i));
      }
    }
    return values;
  }

  private static boolean isLogged(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (LOGGED_HEADERS.contains(lower)) {
      return true;
    }
    return LOGGED_HEADER_PREFIXES.stream().anyMatch(lower::startsWith);
  }

  private static boolean sharesPieceWithAny(String value, List<String> secrets) {
    for (String secret : secrets) {
      for (int i = 0; i + SECRET_PIECE <= secret.length(); i++) {
        if (value.contains(secret.substring(i, i + SECRET_PIECE))) {
          return true;
        }
      }
    }
    return false;
  }

  private static long elapsedMillis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
