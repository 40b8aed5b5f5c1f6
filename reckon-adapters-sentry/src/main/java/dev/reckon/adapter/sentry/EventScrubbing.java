package dev.reckon.adapter.sentry;

import static dev.reckon.adapter.sentry.SecretScrubber.redact;

import io.sentry.Breadcrumb;
import io.sentry.SentryEvent;
import io.sentry.protocol.Contexts;
import io.sentry.protocol.Feedback;
import io.sentry.protocol.Mechanism;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.Response;
import io.sentry.protocol.SentryException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Redacts the fields of Sentry events and breadcrumbs where a key can end up. */
final class EventScrubbing {

  // Deeper values are replaced whole, which also ends the walk on a map that contains itself.
  private static final int MAX_DEPTH = 8;

  private EventScrubbing() {}

  static void scrub(SentryEvent event) {
    scrubExceptions(event.getExceptions());
    scrubMessage(event.getMessage());

    List<Breadcrumb> breadcrumbs = event.getBreadcrumbs();
    if (breadcrumbs != null) {
      breadcrumbs.forEach(EventScrubbing::scrub);
    }
    if (event.getTags() != null) {
      Map<String, String> tags = new LinkedHashMap<>();
      event.getTags().forEach((name, value) -> tags.put(name, redact(value)));
      event.setTags(tags);
    }
    if (event.getExtras() != null) {
      event.setExtras(scrubMap(event.getExtras(), 0));
    }
    scrubContexts(event.getContexts());

    event.setTransaction(redact(event.getTransaction()));
    if (event.getFingerprints() != null) {
      event.setFingerprints(event.getFingerprints().stream().map(SecretScrubber::redact).toList());
    }
    event.setRequest(reduceRequest(event.getRequest()));
    event.setUser(null);
  }

  static void scrub(Breadcrumb breadcrumb) {
    breadcrumb.setMessage(redact(breadcrumb.getMessage()));
    // Breadcrumb data is a ConcurrentHashMap, which rejects null values, and scrubValue maps a
    // non-null value to a non-null value.
    breadcrumb.getData().replaceAll((name, value) -> scrubValue(value, 0));
  }

  private static void scrubExceptions(List<SentryException> exceptions) {
    if (exceptions == null) {
      return;
    }
    for (SentryException exception : exceptions) {
      exception.setValue(redact(exception.getValue()));
      Mechanism mechanism = exception.getMechanism();
      if (mechanism != null) {
        mechanism.setDescription(redact(mechanism.getDescription()));
        if (mechanism.getData() != null) {
          mechanism.setData(scrubMap(mechanism.getData(), 0));
        }
      }
    }
  }

  private static void scrubMessage(Message message) {
    if (message == null) {
      return;
    }
    message.setMessage(redact(message.getMessage()));
    message.setFormatted(redact(message.getFormatted()));
    if (message.getParams() != null) {
      message.setParams(message.getParams().stream().map(SecretScrubber::redact).toList());
    }
  }

  private static void scrubContexts(Contexts contexts) {
    for (String name : Collections.list(contexts.keys())) {
      Object value = contexts.get(name);
      if (value instanceof Response || value instanceof Feedback) {
        // The HTTP response context contains headers, cookies and body, and feedback contains
        // user text.
        contexts.remove(name);
      } else if (value instanceof Map<?, ?> map) {
        contexts.put(name, scrubMap(map, 0));
      } else if (value != null && !isSdkType(value)) {
        contexts.put(name, Map.of("value", scrubValue(value, 0)));
      }
    }
  }

  /**
   * Returns whether {@code value} is one of the SDK's typed contexts, which it fills from the
   * runtime (app, device, OS, trace ids) and never from request data.
   */
  private static boolean isSdkType(Object value) {
    return value.getClass().getName().startsWith("io.sentry.");
  }

  /** Keeps the method and the URL without its query string, and drops everything else. */
  private static Request reduceRequest(Request request) {
    if (request == null) {
      return null;
    }
    Request reduced = new Request();
    reduced.setMethod(request.getMethod());
    String url = request.getUrl();
    if (url != null) {
      int query = url.indexOf('?');
      reduced.setUrl(redact(query < 0 ? url : url.substring(0, query)));
    }
    return reduced;
  }

  private static Object scrubValue(Object value, int depth) {
    if (value == null
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof Enum<?>
        || value instanceof UUID) {
      return value;
    }
    if (depth >= MAX_DEPTH) {
      return SecretScrubber.REDACTED;
    }
    if (value instanceof Map<?, ?> map) {
      return scrubMap(map, depth);
    }
    if (value instanceof Collection<?> collection) {
      List<Object> scrubbed = new ArrayList<>(collection.size());
      collection.forEach(element -> scrubbed.add(scrubValue(element, depth + 1)));
      return scrubbed;
    }
    if (value.getClass().isArray()) {
      List<Object> scrubbed = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        scrubbed.add(scrubValue(Array.get(value, i), depth + 1));
      }
      return scrubbed;
    }
    return redact(String.valueOf(value));
  }

  private static Map<String, Object> scrubMap(Map<?, ?> map, int depth) {
    Map<String, Object> scrubbed = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> scrubbed.put(redact(String.valueOf(key)), scrubValue(value, depth + 1)));
    return scrubbed;
  }
}
