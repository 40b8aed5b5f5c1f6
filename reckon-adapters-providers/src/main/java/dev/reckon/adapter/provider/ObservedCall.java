package dev.reckon.adapter.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * One finished HTTP call, as reported to a {@link CallObserver}.
 *
 * @param host the host of the request URL, as written in it
 * @param port the port of the request URL, the scheme's default when the URL names none
 * @param path the encoded path of the request URL, without the query string
 * @param status the HTTP status of the response, or {@value #NO_RESPONSE} when no response headers
 *     arrived (a refused connection, a rejected address, a TLS failure or a timeout)
 * @param failed whether the call ended with an I/O error, including one while reading the body of a
 *     response whose status arrived (a truncated or oversized body)
 * @param duration from the start of the call to its end or failure, body reading included
 */
public record ObservedCall(
    String host, int port, String path, int status, boolean failed, Duration duration) {

  /** The status of a call that received no response. */
  public static final int NO_RESPONSE = 0;

  public ObservedCall {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(duration, "duration");
  }
}
