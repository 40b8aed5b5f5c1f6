package dev.reckon.adapter.sentry;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's {@code beforeSend} and {@code beforeBreadcrumb} callbacks: they scrub, and drop what
 * cannot be scrubbed.
 *
 * <p>Dropping here matters for breadcrumbs in particular: when a {@code beforeBreadcrumb} callback
 * throws, sentry-java 8.47.0 keeps the unscrubbed breadcrumb and adds the exception message to it.
 */
final class FailClosedScrubber {

  // The Sentry appender ignores this logger, so a failing scrubber cannot feed its own warnings
  // back into Sentry.
  static final Logger LOG = LoggerFactory.getLogger(FailClosedScrubber.class);

  // The first failure is logged, then every hundredth, so a broken scrubber cannot flood the log.
  private static final long LOG_EVERY = 100;

  private final UnaryOperator<SentryEvent> eventScrubber;
  private final UnaryOperator<Breadcrumb> breadcrumbScrubber;
  private final AtomicLong dropped = new AtomicLong();

  FailClosedScrubber(
      UnaryOperator<SentryEvent> eventScrubber, UnaryOperator<Breadcrumb> breadcrumbScrubber) {
    this.eventScrubber = eventScrubber;
    this.breadcrumbScrubber = breadcrumbScrubber;
  }

  SentryEvent beforeSend(SentryEvent event, Hint hint) {
    try {
      return eventScrubber.apply(event);
    } catch (Throwable e) {
      // Any failure, an Error included, drops the event: an unscrubbed event must never be sent.
      recordDrop("event", e);
      return null;
    }
  }

  Breadcrumb beforeBreadcrumb(Breadcrumb breadcrumb, Hint hint) {
    try {
      return breadcrumbScrubber.apply(breadcrumb);
    } catch (Throwable e) {
      recordDrop("breadcrumb", e);
      return null;
    }
  }

  private void recordDrop(String kind, Throwable failure) {
    long count = dropped.incrementAndGet();
    if (count % LOG_EVERY == 1) {
      // Only the exception type is logged, because its message may quote the value being scrubbed.
      LOG.warn(
          "Dropped a Sentry {} because scrubbing it failed with {} ({} dropped so far)",
          kind,
          failure.getClass().getName(),
          count);
    }
  }
}
