package dev.reckon.adapter.sentry;

import io.sentry.Breadcrumb;
import io.sentry.SentryEvent;
import io.sentry.protocol.SentryException;
import java.util.List;
import java.util.Objects;

/** Lookups over the events a {@link FakeSentryServer} received. */
final class ReceivedEvents {

  private ReceivedEvents() {}

  /** Returns the one event with an exception whose value is {@code value}. */
  static SentryEvent withExceptionValue(List<SentryEvent> events, String value) {
    List<SentryEvent> matches =
        events.stream()
            .filter(
                event ->
                    event.getExceptions() != null
                        && event.getExceptions().stream()
                            .map(SentryException::getValue)
                            .anyMatch(value::equals))
            .toList();
    if (matches.size() != 1) {
      throw new AssertionError(
          "Expected one event with exception value '" + value + "' but found " + matches.size());
    }
    return matches.get(0);
  }

  /** Returns the messages of the event's breadcrumbs, in order. */
  static List<String> breadcrumbMessages(SentryEvent event) {
    List<Breadcrumb> breadcrumbs = event.getBreadcrumbs();
    if (breadcrumbs == null) {
      return List.of();
    }
    return breadcrumbs.stream().map(Breadcrumb::getMessage).filter(Objects::nonNull).toList();
  }
}
