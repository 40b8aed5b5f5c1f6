package dev.reckon.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.sentry.ErrorReporting;
import dev.reckon.adapter.sentry.FakeSentryServer;
import dev.reckon.adapter.sentry.OrgScope;
import dev.reckon.adapter.sentry.SentrySettings;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.protocol.SentryException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server errors of the web app reach a fake Sentry server on loopback, tagged with the organization
 * of the request that failed and with no part of a key from the exception message.
 */
class ErrorReportingIT {

  /** The secret part of the canary. No 5-character fragment of it may reach Sentry. */
  private static final String SECRET = "Hv4Nc8Lm2Qx6Tb9Rk3Wz7Pd5Jf1Gs0Ya";

  private static final String CANARY = "sk-admin-FAKE-CANARY-" + SECRET;
  private static final int ROUNDS = 5;

  private FakeSentryServer sentry;
  private ErrorReporting reporting;
  private TestApp app;

  @BeforeEach
  void start() throws Exception {
    sentry = FakeSentryServer.start();
    reporting = ErrorReporting.start(new SentrySettings(sentry.dsn(), "test", null));
    // Few threads, so that requests of both organizations run on the same pooled threads.
    QueuedThreadPool threads = new QueuedThreadPool(8, 1);
    threads.setReservedThreads(0);
    threads.setName("web-test");
    app = new TestApp(threads);
    app.keyHealth.failureMessage = "reading usage failed: provider rejected " + CANARY;
  }

  @AfterEach
  void stop() {
    app.close();
    reporting.close();
    sentry.close();
    // Sentry is one per process, and the other tests of this JVM must run without it.
    assertThat(Sentry.isEnabled()).isFalse();
  }

  @Test
  void serverErrorsCarryOwnOrganizationTag() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      HttpResponse<String> ofA = app.get(healthPath(FakeProviderKeys.KEY_A), FakeSessions.MEMBER_A);
      HttpResponse<String> ofB = app.get(healthPath(FakeProviderKeys.KEY_B), FakeSessions.ADMIN_B);
      HttpResponse<String> unscoped = app.get("/api/v1/me", FakeSessions.VERIFIER_FAILURE);
      assertThat(List.of(ofA.statusCode(), ofB.statusCode(), unscoped.statusCode()))
          .containsOnly(500);
    }
    app.close();
    reporting.close();

    List<SentryEvent> events = sentry.events();
    List<SentryEvent> eventsOfA = withException(events, FakeProviderKeys.KEY_A.toString());
    List<SentryEvent> eventsOfB = withException(events, FakeProviderKeys.KEY_B.toString());
    List<SentryEvent> unscopedEvents = withException(events, FakeSessions.VERIFIER_FAILURE_MESSAGE);
    assertThat(eventsOfA).hasSize(ROUNDS);
    assertThat(eventsOfB).hasSize(ROUNDS);
    assertThat(unscopedEvents).hasSize(ROUNDS);
    for (SentryEvent event : eventsOfA) {
      assertThat(event.getTag(OrgScope.TAG)).isEqualTo(FakeOrganizations.ORG_A.toString());
      assertThat(event.getMessage().getFormatted()).endsWith("org_id=" + FakeOrganizations.ORG_A);
    }
    for (SentryEvent event : eventsOfB) {
      assertThat(event.getTag(OrgScope.TAG)).isEqualTo(FakeOrganizations.ORG_B.toString());
      assertThat(event.getMessage().getFormatted()).endsWith("org_id=" + FakeOrganizations.ORG_B);
    }
    for (SentryEvent event : unscopedEvents) {
      assertThat(event.getTag(OrgScope.TAG)).isNull();
      assertThat(event.getMessage().getFormatted()).endsWith("org_id=none");
    }
    assertThat(leakedFragments(sentry.receivedText())).isEmpty();
    assertThat(app.keyHealth.organizationsByThread.values())
        .as("a pooled thread served requests of both organizations")
        .anyMatch(organizations -> organizations.size() == 2);
  }

  /** Returns the events with an exception whose value contains {@code text}. */
  private static List<SentryEvent> withException(List<SentryEvent> events, String text) {
    return events.stream()
        .filter(
            event ->
                event.getExceptions() != null
                    && event.getExceptions().stream()
                        .map(SentryException::getValue)
                        .anyMatch(value -> value != null && value.contains(text)))
        .toList();
  }

  /**
   * Returns every 5-character substring of the canary's secret part that occurs in {@code text}.
   */
  private static List<String> leakedFragments(String text) {
    List<String> leaked = new ArrayList<>();
    for (int start = 0; start + 5 <= SECRET.length(); start++) {
      String fragment = SECRET.substring(start, start + 5);
      if (text.contains(fragment)) {
        leaked.add(fragment);
      }
    }
    return leaked;
  }

  private static String healthPath(Object keyId) {
    return "/api/v1/provider-keys/" + keyId + "/health";
  }
}
