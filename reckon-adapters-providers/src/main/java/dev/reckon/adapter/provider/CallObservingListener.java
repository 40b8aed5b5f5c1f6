package dev.reckon.adapter.provider;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times one call and hands its outcome to a {@link CallObserver}. OkHttp creates one listener per
 * call through {@link #factory(CallObserver)}, so the fields belong to a single call. The fields
 * are volatile because the events of a call can arrive on different threads, one after another.
 */
final class CallObservingListener extends EventListener {

  private static final Logger LOG = LoggerFactory.getLogger(CallObservingListener.class);

  // A broken observer would fail on every call, so only its first failure is logged at WARN.
  private static final AtomicBoolean OBSERVER_FAILURE_LOGGED = new AtomicBoolean();

  private final CallObserver observer;
  private volatile long startedNanos = System.nanoTime();
  private volatile int status = ObservedCall.NO_RESPONSE;

  private CallObservingListener(CallObserver observer) {
    this.observer = observer;
  }

  static EventListener.Factory factory(CallObserver observer) {
    return call -> new CallObservingListener(observer);
  }

  @Override
  public void callStart(Call call) {
    startedNanos = System.nanoTime();
  }

  @Override
  public void responseHeadersEnd(Call call, Response response) {
    status = response.code();
  }

  @Override
  public void callEnd(Call call) {
    report(call, false);
  }

  @Override
  public void callFailed(Call call, IOException failure) {
    report(call, true);
  }

  private void report(Call call, boolean failed) {
    HttpUrl url = call.request().url();
    Duration duration = Duration.ofNanos(System.nanoTime() - startedNanos);
    ObservedCall observed =
        new ObservedCall(url.host(), url.port(), url.encodedPath(), status, failed, duration);
    try {
      observer.callFinished(observed);
    } catch (RuntimeException e) {
      if (OBSERVER_FAILURE_LOGGED.compareAndSet(false, true)) {
        LOG.warn("call observer failed; later failures are logged at DEBUG", e);
      } else {
        LOG.debug("call observer failed", e);
      }
    }
  }
}
