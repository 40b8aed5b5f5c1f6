package dev.reckon.web.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.sentry.ShippedLogging;
import org.junit.jupiter.api.Test;

/** The web API's shipped logging configuration writes no key-shaped text, stack traces included. */
class LogConfigurationTest {

  private static final String SECRET_PART = "q7Zt9xW2mK4pL8vN3bR6yH1cJ5dF0gSa";
  private static final String FAKE_KEY = "sk-admin-FAKE-" + SECRET_PART;

  @Test
  void shippedConfigurationRedactsKeys() throws Exception {
    String output =
        ShippedLogging.errorOutput(
            getClass().getClassLoader().getResource("logback.xml"),
            "call failed for {}",
            FAKE_KEY,
            new IllegalStateException("body echoed " + FAKE_KEY));

    assertThat(output).contains("call failed for [redacted]").contains("body echoed [redacted]");
    for (int start = 0; start + 5 <= SECRET_PART.length(); start++) {
      assertThat(output).doesNotContain(SECRET_PART.substring(start, start + 5));
    }
  }
}
