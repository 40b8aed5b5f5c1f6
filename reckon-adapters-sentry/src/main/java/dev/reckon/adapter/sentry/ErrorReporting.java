package dev.reckon.adapter.sentry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.logback.SentryAppender;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error reporting to Sentry for one process: started once at startup and closed at shutdown.
 *
 * <p>When started with a DSN it initializes the Sentry SDK, which is a process-wide singleton, and
 * attaches Sentry's Logback appender to the root logger, so every line logged at ERROR becomes an
 * event and lines from INFO up become breadcrumbs. Every event and breadcrumb passes through {@link
 * SecretScrubber} first, and one that cannot be scrubbed is dropped. Tag events with the
 * organization through {@link OrgScope}.
 */
public final class ErrorReporting implements AutoCloseable {

  static final long FLUSH_TIMEOUT_MILLIS = 2_000;

  private static final Logger LOG = LoggerFactory.getLogger(ErrorReporting.class);
  private static final String APPENDER_NAME = "SENTRY";

  private final SentryAppender appender;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ErrorReporting(SentryAppender appender) {
    this.appender = appender;
  }

  /**
   * Starts error reporting, or returns a disabled instance without touching the SDK when {@code
   * settings} has no DSN.
   *
   * @throws IllegalStateException when the Sentry SDK is already initialized in this process, or
   *     when SLF4J is not bound to Logback
   */
  public static ErrorReporting start(SentrySettings settings) {
    return start(settings, SecretScrubber::scrub, SecretScrubber::scrub);
  }

  /** Starts error reporting with the given scrubbers, so tests can make scrubbing fail. */
  static ErrorReporting start(
      SentrySettings settings,
      UnaryOperator<SentryEvent> eventScrubber,
      UnaryOperator<Breadcrumb> breadcrumbScrubber) {
    Objects.requireNonNull(settings, "'settings' must not be null");
    if (settings.dsn() == null) {
      LOG.info("Error reporting is off because SENTRY_DSN is not set");
      return new ErrorReporting(null);
    }
    if (Sentry.isEnabled()) {
      throw new IllegalStateException(
          "Sentry is already initialized in this process; close the running ErrorReporting first");
    }
    LoggerContext logback = logbackContext();

    SentryOptions options =
        ReckonSentryOptions.create(
            settings, new FailClosedScrubber(eventScrubber, breadcrumbScrubber));
    Sentry.init(options);
    // Sentry.init makes the root scopes current on this thread, and every other thread forks its
    // scopes from the root. Forking here keeps what this thread records out of other threads.
    Sentry.forkedRootScopes("ErrorReporting.start").makeCurrent();

    SentryAppender appender = attachAppender(logback);
    LOG.info(
        "Error reporting to Sentry started for environment {} and release {}",
        settings.environment(),
        settings.release());
    return new ErrorReporting(appender);
  }

  /** Returns whether events are sent to Sentry. */
  public boolean enabled() {
    return appender != null;
  }

  /**
   * Detaches the appender, then flushes and closes the SDK. Each of the two SDK steps waits at most
   * two seconds for queued events to be sent. Closing twice, or closing a disabled instance, does
   * nothing.
   */
  @Override
  public void close() {
    if (appender == null || !closed.compareAndSet(false, true)) {
      return;
    }
    logbackContext().getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
    appender.stop();

    Sentry.flush(FLUSH_TIMEOUT_MILLIS);
    Sentry.close();
  }

  private static LoggerContext logbackContext() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) {
      return context;
    }
    throw new IllegalStateException(
        "SLF4J is bound to "
            + factory.getClass().getName()
            + " instead of Logback, so ERROR log lines cannot reach Sentry;"
            + " remove the other SLF4J provider from the classpath");
  }

  private static SentryAppender attachAppender(LoggerContext logback) {
    SentryAppender appender = new SentryAppender();
    appender.setContext(logback);
    appender.setName(APPENDER_NAME);
    // SentryAppender.start() (sentry-logback 8.47.0) calls Sentry.init with the appender's own
    // options after turning on external configuration in them. So the appender keeps its default
    // options, and the SDK skips that init because ours were given a higher init priority.
    appender.setMinimumEventLevel(Level.ERROR);
    appender.setMinimumBreadcrumbLevel(Level.INFO);
    // The scrubbing callbacks log their failures, and feeding those lines back into Sentry could
    // loop when scrubbing keeps failing. The adapter's own lifecycle lines are left out too.
    Set<String> ownLoggers = Set.of(LOG.getName(), FailClosedScrubber.LOG.getName());
    Filter<ILoggingEvent> ignoreOwnLoggers =
        new Filter<>() {
          @Override
          public FilterReply decide(ILoggingEvent event) {
            return ownLoggers.contains(event.getLoggerName())
                ? FilterReply.DENY
                : FilterReply.NEUTRAL;
          }
        };
    ignoreOwnLoggers.setContext(logback);
    ignoreOwnLoggers.start();
    appender.addFilter(ignoreOwnLoggers);
    appender.start();

    logback.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    return appender;
  }
}
