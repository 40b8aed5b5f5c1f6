package dev.reckon.adapter.sentry;

import static dev.reckon.adapter.sentry.ReceivedEvents.breadcrumbMessages;
import static dev.reckon.adapter.sentry.ReceivedEvents.withExceptionValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentry.Sentry;
import io.sentry.SentryEvent;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class OrgScopeTest {

  private static final Logger LOG = LoggerFactory.getLogger(OrgScopeTest.class);

  private FakeSentryServer server;
  private ErrorReporting reporting;

  @BeforeEach
  void startServer() throws Exception {
    server = FakeSentryServer.start();
  }

  @AfterEach
  void stopEverything() {
    if (reporting != null) {
      reporting.close();
    }
    Sentry.close();
    server.close();
  }

  @Test
  void pooledThreadCarriesNothingFromPreviousJob() throws Exception {
    reporting = ErrorReporting.start(new SentrySettings(server.dsn(), "test", null));
    UUID orgA = UUID.randomUUID();
    UUID orgB = UUID.randomUUID();
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newSingleThreadExecutor();

    try {
      pool.submit(
              () ->
                  OrgScope.run(
                      orgA,
                      () -> {
                        threads.add(Thread.currentThread());
                        Sentry.setExtra("job_note", "extra of org A");
                        LOG.info("Started sync for org A");
                        LOG.error("Sync failed for org A", new IllegalStateException("job A"));
                      }))
          .get(5, TimeUnit.SECONDS);
      pool.submit(
              () ->
                  OrgScope.run(
                      orgB,
                      () -> {
                        threads.add(Thread.currentThread());
                        LOG.error("Sync failed", new IllegalStateException("job B"));
                      }))
          .get(5, TimeUnit.SECONDS);
      pool.submit(
              () -> {
                threads.add(Thread.currentThread());
                LOG.error("Housekeeping failed", new IllegalStateException("no org"));
              })
          .get(5, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    reporting.close();

    List<SentryEvent> events = server.events();
    SentryEvent eventA = withExceptionValue(events, "job A");
    SentryEvent eventB = withExceptionValue(events, "job B");
    SentryEvent eventWithoutOrg = withExceptionValue(events, "no org");
    assertThat(threads).hasSize(1);
    assertThat(eventA.getTag(OrgScope.TAG)).isEqualTo(orgA.toString());
    assertThat(breadcrumbMessages(eventA)).containsExactly("Started sync for org A");
    assertThat(eventB.getTag(OrgScope.TAG)).isEqualTo(orgB.toString());
    assertThat(breadcrumbMessages(eventB)).noneMatch(message -> message.contains("org A"));
    assertThat(eventB.getExtras()).doesNotContainKey("job_note");
    assertThat(eventWithoutOrg.getTag(OrgScope.TAG)).isNull();
    assertThat(breadcrumbMessages(eventWithoutOrg)).noneMatch(message -> message.contains("org"));
  }

  @Test
  void startingThreadKeepsItsBreadcrumbs() throws Exception {
    reporting = ErrorReporting.start(new SentrySettings(server.dsn(), "test", null));
    LOG.info("Note from the starting thread");

    Thread other =
        new Thread(() -> LOG.error("Other thread failed", new IllegalStateException("other")));
    other.start();
    other.join(5_000);
    reporting.close();

    SentryEvent event = withExceptionValue(server.events(), "other");
    assertThat(breadcrumbMessages(event)).doesNotContain("Note from the starting thread");
  }

  @Test
  void openedScopeTagsEventsUntilClosed() throws Exception {
    reporting = ErrorReporting.start(new SentrySettings(server.dsn(), "test", null));
    UUID orgId = UUID.randomUUID();

    AutoCloseable scope = OrgScope.open(orgId);
    LOG.error("Request failed", new IllegalStateException("inside request"));
    scope.close();
    LOG.error("Server task failed", new IllegalStateException("after request"));
    reporting.close();

    List<SentryEvent> events = server.events();
    assertThat(withExceptionValue(events, "inside request").getTag(OrgScope.TAG))
        .isEqualTo(orgId.toString());
    assertThat(withExceptionValue(events, "after request").getTag(OrgScope.TAG)).isNull();
  }

  @Test
  void callReturnsResultAndRestoresScopeOnFailure() throws Exception {
    reporting = ErrorReporting.start(new SentrySettings(server.dsn(), "test", null));
    UUID orgId = UUID.randomUUID();

    int buckets = OrgScope.call(orgId, () -> 24);
    assertThatThrownBy(
            () ->
                OrgScope.call(
                    orgId,
                    () -> {
                      throw new IllegalStateException("work failed");
                    }))
        .hasMessage("work failed");
    LOG.error("Later failure", new IllegalStateException("later"));
    reporting.close();

    assertThat(buckets).isEqualTo(24);
    assertThat(withExceptionValue(server.events(), "later").getTag(OrgScope.TAG)).isNull();
  }

  @Test
  void disabledReportingStillRunsWork() throws Exception {
    reporting = ErrorReporting.start(new SentrySettings(null, "test", null));
    UUID orgId = UUID.randomUUID();
    AtomicBoolean ran = new AtomicBoolean();

    OrgScope.run(orgId, () -> ran.set(true));
    String result = OrgScope.call(orgId, () -> "done");
    AutoCloseable scope = OrgScope.open(orgId);
    scope.close();

    assertThat(ran).isTrue();
    assertThat(result).isEqualTo("done");
    assertThat(Sentry.isEnabled()).isFalse();
    assertThat(server.receivedText()).isEmpty();
  }

  @Test
  void nullOrgIdIsRejected() {
    assertThatThrownBy(() -> OrgScope.run(null, () -> {}))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("'orgId' must not be null");
  }
}
