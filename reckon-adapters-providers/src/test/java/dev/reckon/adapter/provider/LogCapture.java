package dev.reckon.adapter.provider;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects the log events of Reckon's loggers and the root logger while open. The test logback
 * configuration enables {@code dev.reckon} at TRACE, so every event the code produces arrives.
 */
public final class LogCapture implements AutoCloseable {

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final List<Logger> loggers =
      List.of(
          (Logger) LoggerFactory.getLogger("dev.reckon"),
          (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));

  private LogCapture() {}

  public static LogCapture start() {
    LogCapture capture = new LogCapture();
    capture.appender.start();
    capture.loggers.forEach(logger -> logger.addAppender(capture.appender));
    return capture;
  }

  /** Returns each event's formatted message and, after it, its stack trace when it has one. */
  public List<String> texts() {
    List<String> texts = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(appender.list)) {
      texts.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        texts.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
    }
    return texts;
  }

  /** Returns the formatted messages of the events from the named logger. */
  public List<String> messagesOf(Class<?> loggerClass) {
    return List.copyOf(appender.list).stream()
        .filter(event -> event.getLoggerName().equals(loggerClass.getName()))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Override
  public void close() {
    loggers.forEach(logger -> logger.detachAppender(appender));
    appender.stop();
  }
}
