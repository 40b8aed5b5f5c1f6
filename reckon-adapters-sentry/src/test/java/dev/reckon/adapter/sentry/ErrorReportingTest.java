package dev.reckon.adapter.sentry;

import static dev.reckon.adapter.sentry.ReceivedEvents.breadcrumbMessages;
import static dev.reckon.adapter.sentry.ReceivedEvents.withExceptionValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Request;
import io.sentry.protocol.User;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ErrorReportingTest {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorReportingTest.class);

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
  void errorLogLineIsSentWithOrgTag() throws Exception {
    UUID orgId = UUID.randomUUID();
    reporting = ErrorReporting.start(new SentrySettings(server.dsn(), "test", "reckon@1.2.3"));

    OrgScope.run(
        orgId, () -> LOG.error("Usage sync failed", new IllegalStateException("status 500")));
    reporting.close();

    SentryEvent event = withExceptionValue(server.events(), "status 500");
    assertThat(reporting.enabled()).isTrue();
    assertThat(event.getTag(OrgScope.TAG)).isEqualTo(orgId.toString());
    assertThat(event.getMessage().getFormatted()).isEqualTo("Usage sync failed");
    assertThat(event.getEnvironment()).isEqualTo("test");
    assertThat(event.getRelease()).isEqualTo("reckon@1.2.3");
  }

  @Test
  void infoLinesBecomeBreadcrumbsNotEvents() throws Exception {
    reporting = ErrorReporting.start(new SentrySettings(server.dsn(), "test", null));

    LOG.debug("Debug line stays local");
    LOG.info("Fetched 24 usage buckets");
    LOG.warn("Provider answered 429, retrying");
    LOG.error("Ingestion failed", new IllegalStateException("ingestion failed"));
    reporting.close();

    List<SentryEvent> events = server.events();
    assertThat(events).hasSize(1);
    assertThat(breadcrumbMessages(events.get(0)))
        .containsExactly("Fetched 24 usage buckets", "Provider answered 429, retrying");
  }

  @Test
  void disabledWithoutDsnSendsNothing() {
    reporting = ErrorReporting.start(new SentrySettings(null, "test", null));

    LOG.error("Not reported", new IllegalStateException("not reported"));
    reporting.close();

    assertThat(reporting.enabled()).isFalse();
    assertThat(Sentry.isEnabled()).isFalse();
    assertThat(rootLogger().getAppender("SENTRY")).isNull();
    assertThat(server.receivedText()).isEmpty();
  }

  @Test
  void closeDetachesAppenderAndClosesSdk() {
    reporting = ErrorReporting.start(new SentrySettings(server.dsn(), "test", null));
    assertThat(rootLogger().getAppender("SENTRY")).isNotNull();

    reporting.close();
    reporting.close();

    assertThat(rootLogger().getAppender("SENTRY")).isNull();
    assertThat(Sentry.isEnabled()).isFalse();
  }

  @Test
  void appenderStartKeepsReckonOptions() {
    reporting = ErrorReporting.start(new SentrySettings(server.dsn(), "test", null));

    SentryOptions options = Sentry.getCurrentScopes().getOptions();

    assertThat(options.getDsn()).isEqualTo(server.dsn());
    assertThat(options.isEnableExternalConfiguration()).isFalse();
    assertThat(options.getBeforeSend()).isNotNull();
    assertThat(options.getBeforeBreadcrumb()).isNotNull();
    assertThat(options.isAttachServerName()).isFalse();
  }

  @Test
  void secondStartIsRejected() {
    reporting = ErrorReporting.start(new SentrySettings(server.dsn(), "test", null));

    assertThatThrownBy(() -> ErrorReporting.start(new SentrySettings(server.dsn(), "test", null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Sentry is already initialized in this process;"
                + " close the running ErrorReporting first");
  }

  @Test
  void userAndRequestBodyAreDropped() throws Exception {
    reporting = ErrorReporting.start(new SentrySettings(server.dsn(), "test", null));
    SentryOptions options = Sentry.getCurrentScopes().getOptions();

    OrgScope.run(
        UUID.randomUUID(),
        () -> {
          Sentry.configureScope(
              scope -> {
                scope.setRequest(keyUploadRequest());
                scope.setUser(signedInUser());
              });
          LOG.error("Key upload failed", new IllegalStateException("key upload failed"));
        });
    reporting.close();

    assertThat(options.isSendDefaultPii()).isFalse();
    assertThat(options.getMaxRequestBodySize()).isEqualTo(SentryOptions.RequestSize.NONE);
    SentryEvent event = withExceptionValue(server.events(), "key upload failed");
    assertThat(event.getUser()).isNull();
    Request request = event.getRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl()).isEqualTo("https://reckon.test/api/keys");
    assertThat(request.getData()).isNull();
    assertThat(request.getHeaders()).isNull();
    assertThat(request.getCookies()).isNull();
    assertThat(request.getQueryString()).isNull();
    assertThat(server.receivedText())
        .doesNotContain("body-marker")
        .doesNotContain("header-marker")
        .doesNotContain("cookie-marker")
        .doesNotContain("query-marker")
        .doesNotContain("owner@example.com");
  }

  @Test
  void failingEventScrubberDropsEvent() throws Exception {
    UnaryOperator<SentryEvent> failing =
        event -> {
          throw new IllegalStateException("scrubber broke");
        };
    reporting =
        ErrorReporting.start(
            new SentrySettings(server.dsn(), "test", null), failing, SecretScrubber::scrub);

    LOG.error("Unscrubbed failure", new IllegalStateException("raw message drop-marker"));
    reporting.close();

    assertThat(server.events()).isEmpty();
    assertThat(server.receivedText()).doesNotContain("drop-marker");
  }

  @Test
  void failingBreadcrumbScrubberDropsBreadcrumb() throws Exception {
    reporting =
        ErrorReporting.start(
            new SentrySettings(server.dsn(), "test", null),
            SecretScrubber::scrub,
            breadcrumb -> {
              throw new IllegalStateException("scrubber broke");
            });

    LOG.info("Polling with crumb-marker");
    LOG.error("Ingestion failed", new IllegalStateException("ingestion failed"));
    reporting.close();

    SentryEvent event = withExceptionValue(server.events(), "ingestion failed");
    assertThat(event.getBreadcrumbs()).isNullOrEmpty();
    assertThat(server.receivedText()).doesNotContain("crumb-marker");
  }

  private static Request keyUploadRequest() {
    Request request = new Request();
    request.setMethod("POST");
    request.setUrl("https://reckon.test/api/keys?token=query-marker");
    request.setQueryString("token=query-marker");
    request.setData("{\"label\":\"body-marker\"}");
    request.setHeaders(Map.of("X-Api-Key", "header-marker"));
    request.setCookies("session=cookie-marker");
    return request;
  }

  private static User signedInUser() {
    User user = new User();
    user.setId("user_2abc");
    user.setEmail("owner@example.com");
    return user;
  }

  private static ch.qos.logback.classic.Logger rootLogger() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    return context.getLogger(Logger.ROOT_LOGGER_NAME);
  }
}
