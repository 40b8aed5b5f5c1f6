package dev.reckon.adapter.sentry;

import static dev.reckon.adapter.sentry.ReceivedEvents.breadcrumbMessages;
import static dev.reckon.adapter.sentry.ReceivedEvents.withExceptionValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.protocol.SentryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Plants fake admin keys everywhere a key can end up in a Sentry event and checks that no part of
 * them reaches the server.
 */
class KeyCanaryTest {

  private static final Logger LOG = LoggerFactory.getLogger(KeyCanaryTest.class);

  private static final String OPENAI_SECRET = "Qz7RkW2mXp9LvT4nBc8HsJ6dYf3GaE5u";
  private static final String ANTHROPIC_SECRET = "Nw4PqZ8tKb2VmR6xLc9JhS3yGd7FeA5o";
  private static final String OPENAI_CANARY = "sk-admin-FAKE-CANARY-" + OPENAI_SECRET;
  private static final String ANTHROPIC_CANARY = "sk-ant-admin01-FAKE-" + ANTHROPIC_SECRET;

  private FakeSentryServer server;
  private ErrorReporting reporting;

  @BeforeEach
  void startReporting() throws Exception {
    server = FakeSentryServer.start();
    reporting = ErrorReporting.start(new SentrySettings(server.dsn(), "test", null));
  }

  @AfterEach
  void stopEverything() {
    MDC.clear();
    reporting.close();
    Sentry.close();
    server.close();
  }

  @Test
  void plantedKeysNeverReachServer() throws Exception {
    UUID orgId = UUID.randomUUID();

    OrgScope.run(orgId, KeyCanaryTest::failWithKeysEverywhere);
    reporting.close();

    String received = server.receivedText();
    SentryEvent event = withExceptionValue(server.events(), "Ingestion run failed");
    assertThat(leakedFragments(received, OPENAI_SECRET)).isEmpty();
    assertThat(leakedFragments(received, ANTHROPIC_SECRET)).isEmpty();
    assertThat(event.getTag(OrgScope.TAG)).isEqualTo(orgId.toString());
    assertThat(event.getExceptions())
        .extracting(SentryException::getValue)
        .contains("HTTP 401: Incorrect API key provided: [redacted]");
    assertThat(event.getMessage().getFormatted()).isEqualTo("Ingestion failed for key [redacted]");
    assertThat(breadcrumbMessages(event)).contains("Polling usage with key [redacted]");
    assertThat(event.getTag("provider_key")).isEqualTo("[redacted]");
    assertThat(event.getExtra("provider_response"))
        .isEqualTo("{\"error\":\"invalid x-api-key [redacted]\"}");
    assertThat(event.getContexts().get("provider_call"))
        .isEqualTo(Map.of("authorization", "Bearer [redacted]", "key", "[redacted]"));
    assertThat(event.getContexts().get("MDC")).isEqualTo(Map.of("provider_key", "[redacted]"));
  }

  private static void failWithKeysEverywhere() {
    MDC.put("provider_key", OPENAI_CANARY);
    Sentry.setTag("provider_key", OPENAI_CANARY);
    Sentry.setExtra(
        "provider_response", "{\"error\":\"invalid x-api-key " + ANTHROPIC_CANARY + "\"}");
    Sentry.configureScope(
        scope ->
            scope.setContexts(
                "provider_call",
                Map.of("authorization", "Bearer " + OPENAI_CANARY, "key", ANTHROPIC_CANARY)));
    Breadcrumb request =
        Breadcrumb.http("https://provider.test/v1/usage?key=" + OPENAI_CANARY, "GET");
    Sentry.addBreadcrumb(request);
    LOG.info("Polling usage with key {}", OPENAI_CANARY);

    RuntimeException failure =
        new IllegalStateException(
            "Ingestion run failed",
            new UncheckedIOException(
                "Provider call failed",
                new IOException("HTTP 401: Incorrect API key provided: " + OPENAI_CANARY)));
    LOG.error("Ingestion failed for key {}", ANTHROPIC_CANARY, failure);
  }

  /** Returns every 5-character substring of {@code secret} that occurs in {@code text}. */
  private static List<String> leakedFragments(String text, String secret) {
    List<String> leaked = new ArrayList<>();
    for (int start = 0; start + 5 <= secret.length(); start++) {
      String fragment = secret.substring(start, start + 5);
      if (text.contains(fragment)) {
        leaked.add(fragment);
      }
    }
    return leaked;
  }
}
