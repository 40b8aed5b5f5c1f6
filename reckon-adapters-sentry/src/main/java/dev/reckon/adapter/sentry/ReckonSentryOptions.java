package dev.reckon.adapter.sentry;

import io.sentry.InitPriority;
import io.sentry.SentryOptions;

/** Builds the Sentry SDK options that Reckon runs with. */
final class ReckonSentryOptions {

  private ReckonSentryOptions() {}

  static SentryOptions create(SentrySettings settings, FailClosedScrubber scrubber) {
    SentryOptions options = new SentryOptions();
    options.setDsn(settings.dsn());
    options.setEnvironment(settings.environment());
    options.setRelease(settings.release());
    // sentry.properties and SENTRY_* variables are ignored, so these settings are the whole setup.
    options.setEnableExternalConfiguration(false);
    // A later Sentry.init with a lower priority, such as the one in SentryAppender.start(), is
    // skipped instead of replacing these options.
    options.setInitPriority(InitPriority.HIGHEST);

    options.setSendDefaultPii(false);
    options.setMaxRequestBodySize(SentryOptions.RequestSize.NONE);
    options.setBeforeSend(scrubber::beforeSend);
    options.setBeforeBreadcrumb(scrubber::beforeBreadcrumb);

    // Tracing, feedback, logs and metrics stay off: their payloads would not pass the scrubber.
    // Should tracing be switched on elsewhere, its transactions are dropped rather than sent raw.
    options.setTracesSampleRate(null);
    options.setBeforeSendTransaction((transaction, hint) -> null);
    options.setBeforeSendFeedback((feedback, hint) -> null);
    options.getLogs().setEnabled(false);
    options.getMetrics().setEnabled(false);

    // OrgScope keeps one set of scopes per thread. In global hub mode every thread would share the
    // root scopes, and one organization's tag would land on another's events.
    options.setGlobalHubMode(false);
    // The SDK finds the server name with InetAddress.getCanonicalHostName(), which can make a
    // reverse DNS query. Environment and release identify the deployment instead.
    options.setAttachServerName(false);
    options.setShutdownTimeoutMillis(ErrorReporting.FLUSH_TIMEOUT_MILLIS);
    return options;
  }
}
