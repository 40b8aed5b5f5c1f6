package dev.reckon.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class KeyLeakIT {

  /** The part of the canary after its provider prefix; only its last four characters may show. */
  private static final String TAIL = "FAKE-canary-Q7zW2xR9vL4mT8kP";

  private static final String CANARY = "sk-admin-" + TAIL;

  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Level rootLevel;
  private TestApp app;

  @BeforeEach
  void captureLogs() {
    rootLevel = root.getLevel();
    // Everything at ALL except what logback.xml pins: Jetty's DEBUG output dumps raw request
    // bytes, so the shipped configuration keeps Jetty at WARN whatever the root level is.
    root.setLevel(Level.ALL);
    logs.start();
    root.addAppender(logs);
    app = new TestApp();
  }

  @AfterEach
  void restoreLogs() {
    app.close();
    root.detachAppender(logs);
    root.setLevel(rootLevel);
  }

  @Test
  void canaryKeyAppearsOnlyAsHint() {
    List<String> output = new ArrayList<>();

    output.addAll(exchange(body("openai", CANARY)));
    output.addAll(exchange(body("anthropic", CANARY)));
    output.addAll(exchange(body("openai", CANARY + " ")));
    output.addAll(exchange("{\"provider\":\"openai\",\"label\":\"x\",\"key\":\"" + CANARY));
    output.addAll(exchange("{\"provider\":\"azure\",\"label\":\"x\",\"key\":\"" + CANARY + "\"}"));
    output.addAll(exchange(body("openai", CANARY).replace("\"label\"", "\"label\":1,\"x\"")));
    output.add(app.get("/api/v1/provider-keys", FakeSessions.ADMIN_A).body());
    output.add(app.get("/metrics", null).body());
    app.close();
    List<ILoggingEvent> events = List.copyOf(logs.list);
    events.forEach(event -> output.add(rendered(event)));

    assertThat(app.keys.receivedKeys).containsExactly(CANARY);
    assertThat(events).isNotEmpty();
    assertThat(output.get(0)).contains("\"hint\":\"…T8kP\"");
    for (String text : output) {
      for (int start = 0; start + 5 <= TAIL.length(); start++) {
        assertThat(text).doesNotContain(TAIL.substring(start, start + 5));
      }
    }
  }

  @Test
  void jettyStaysBelowDebugWhateverRootLevel() {
    Logger jetty = (Logger) LoggerFactory.getLogger("org.eclipse.jetty.server.HttpConnection");

    boolean debug = jetty.isDebugEnabled();

    assertThat(debug).isFalse();
    assertThat(jetty.getEffectiveLevel()).isEqualTo(Level.WARN);
  }

  private List<String> exchange(String body) {
    HttpResponse<String> response =
        app.sendJson("POST", "/api/v1/provider-keys", FakeSessions.ADMIN_A, body);
    List<String> texts = new ArrayList<>();
    texts.add(response.body());
    response.headers().map().forEach((name, values) -> texts.add(name + ": " + values));
    return texts;
  }

  private static String body(String provider, String key) {
    return "{\"provider\":\"" + provider + "\",\"label\":\"Ops\",\"key\":\"" + key + "\"}";
  }

  private static String rendered(ILoggingEvent event) {
    StringBuilder text = new StringBuilder(event.getFormattedMessage());
    if (event.getKeyValuePairs() != null) {
      event.getKeyValuePairs().forEach(pair -> text.append(' ').append(pair));
    }
    for (var thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
      text.append('\n').append(thrown.getClassName()).append(": ").append(thrown.getMessage());
    }
    return text.toString();
  }
}
