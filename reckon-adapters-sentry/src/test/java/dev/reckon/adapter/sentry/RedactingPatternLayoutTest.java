package dev.reckon.adapter.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RedactingPatternLayoutTest {

  private static final String SECRET_PART = "q7Zt9xW2mK4pL8vN3bR6yH1cJ5dF0gSa";
  private static final String FAKE_KEY = "sk-admin-FAKE-" + SECRET_PART;

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger logger = context.getLogger(RedactingPatternLayoutTest.class);

  @Test
  void messageAndStackTraceAreRedacted() {
    RedactingPatternLayout layout = layout("%level %msg%n%ex");
    Exception cause = new IllegalStateException("provider echoed " + FAKE_KEY);
    LoggingEvent event =
        new LoggingEvent(
            Logger.FQCN,
            logger,
            Level.ERROR,
            "ingestion failed for {}",
            new RuntimeException("wrapped", cause),
            new Object[] {FAKE_KEY});

    String line = layout.doLayout(event);

    assertThat(line).startsWith("ERROR ingestion failed for [redacted]");
    assertThat(line).contains("provider echoed [redacted]");
    for (int start = 0; start + 5 <= SECRET_PART.length(); start++) {
      assertThat(line).doesNotContain(SECRET_PART.substring(start, start + 5));
    }
  }

  @Test
  void plainLinesAreUnchanged() {
    RedactingPatternLayout layout = layout("%msg");
    LoggingEvent event =
        new LoggingEvent(
            Logger.FQCN,
            logger,
            Level.INFO,
            "ingestion finished org_id=6f1c2a7e-1b2d-4c3e-9f4a-5b6c7d8e9f00 rows=24",
            null,
            null);

    String line = layout.doLayout(event);

    assertThat(line)
        .isEqualTo("ingestion finished org_id=6f1c2a7e-1b2d-4c3e-9f4a-5b6c7d8e9f00 rows=24");
  }

  private RedactingPatternLayout layout(String pattern) {
    RedactingPatternLayout layout = new RedactingPatternLayout();
    layout.setContext(context);
    layout.setPattern(pattern);
    layout.start();
    return layout;
  }
}
