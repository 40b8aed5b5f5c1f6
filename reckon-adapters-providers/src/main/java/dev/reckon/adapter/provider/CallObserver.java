package dev.reckon.adapter.provider;

/**
 * Receives every finished HTTP call of a {@link HardenedHttpClient}, for metrics: the host, port,
 * path, status and duration of the call, never its headers, query string or body.
 *
 * <p>The client calls it once per call, on the thread that finished the call, after the response
 * body was closed or the call failed. Implementations must be thread-safe and fast. An exception
 * thrown here is logged and does not change the call's outcome.
 */
@FunctionalInterface
public interface CallObserver {

  /** An observer that does nothing, the default. */
  CallObserver NONE = call -> {};

  void callFinished(ObservedCall call);
}
