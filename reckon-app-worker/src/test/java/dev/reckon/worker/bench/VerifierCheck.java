package dev.reckon.worker.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.reckon.web.auth.Caller;
import dev.reckon.web.auth.ClerkSessionVerifier;
import dev.reckon.web.auth.SessionVerifier;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Checks that token verification reuses one verifier and key. It counts the verifiers built, from
 * the line that the {@link ClerkSessionVerifier} constructor logs, and the tokens verified through
 * the verifier that the web app was given.
 */
final class VerifierCheck {

  private final ListAppender<ILoggingEvent> constructorLog = new ListAppender<>();
  private final AtomicLong verifications = new AtomicLong();

  /** Starts recording. Call it before the web wiring builds its verifier. */
  static VerifierCheck attach() {
    VerifierCheck check = new VerifierCheck();
    Logger logger = (Logger) LoggerFactory.getLogger(ClerkSessionVerifier.class);
    logger.setLevel(Level.INFO);
    // The benchmark prints the recorded line itself.
    logger.setAdditive(false);
    check.constructorLog.start();
    logger.addAppender(check.constructorLog);
    return check;
  }

  /** Returns {@code verifier} wrapped so that each verified token is counted. */
  SessionVerifier counting(SessionVerifier verifier) {
    return new SessionVerifier() {
      @Override
      public Caller verify(String authorizationHeader) {
        verifications.incrementAndGet();
        return verifier.verify(authorizationHeader);
      }
    };
  }

  long verifications() {
    return verifications.get();
  }

  List<String> constructorMessages() {
    return constructorLog.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  /**
   * Fails unless exactly one verifier was built, it uses a fixed PEM key (so no JWKS is fetched),
   * and {@code expected} tokens were verified.
   */
  void requireOneFixedKeyVerifier(long expected) {
    List<String> messages = constructorMessages();
    if (messages.size() != 1 || !messages.get(0).contains("key_source=PemKey[")) {
      throw new IllegalStateException(
          "expected one session verifier with a fixed PEM key, but the log shows " + messages);
    }
    if (verifications() != expected) {
      throw new IllegalStateException(
          "expected " + expected + " token verifications, counted " + verifications());
    }
  }
}
