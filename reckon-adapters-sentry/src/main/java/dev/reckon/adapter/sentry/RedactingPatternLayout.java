package dev.reckon.adapter.sentry;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * A Logback pattern layout whose lines pass the {@link SecretScrubber}: message, key-value pairs
 * and stack traces alike. Reckon's own messages hold no key material by design; this covers what a
 * library might put in an exception message. Use it in a {@code LayoutWrappingEncoder}.
 */
public final class RedactingPatternLayout extends PatternLayout {

  @Override
  public String doLayout(ILoggingEvent event) {
    return SecretScrubber.redact(super.doLayout(event));
  }
}
