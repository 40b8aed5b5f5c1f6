package dev.reckon.adapter.provider.openai;

import static dev.reckon.adapter.provider.ProviderTestSupport.CLOCK;
import static dev.reckon.adapter.provider.ProviderTestSupport.OPENAI_KEY;
import static dev.reckon.adapter.provider.ProviderTestSupport.key;
import static dev.reckon.adapter.provider.ProviderTestSupport.testClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.ports.out.FetchProgress;
import dev.reckon.ports.out.ProviderResponseInvalidException;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiResponseShapeTest {

  private static final Instant MARCH_2 = Instant.parse("2026-03-02T00:00:00Z");

  private final MockWebServer server = new MockWebServer();
  private OpenAiUsageSource source;

  @BeforeEach
  void start() throws Exception {
    server.start();
    source = new OpenAiUsageSource(testClient(), server.url("/openai/v1").toString(), CLOCK);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void usageWithMoreCachedThanInputIsInvalid() {
    server.enqueue(
        usagePage(
            "\"input_tokens\":10,\"input_cached_tokens\":20,\"output_tokens\":1,"
                + "\"num_model_requests\":1"));

    var invalid = usageFails();

    assertThat(invalid)
        .hasMessage(
            "openai: bucket 2026-03-02T00:00:00Z, row 0 has fewer 'input_tokens' than cached and"
                + " cache-write tokens together (HTTP 200, request id req_FAKEshape)");
  }

  @Test
  void usageWithoutRequestCountIsInvalid() {
    server.enqueue(usagePage("\"input_tokens\":10,\"output_tokens\":1"));

    var invalid = usageFails();

    assertThat(invalid.getMessage())
        .startsWith("openai: bucket 2026-03-02T00:00:00Z, row 0 has no 'num_model_requests' count");
  }

  @Test
  void usageBucketLongerThanOneHourIsInvalid() {
    server.enqueue(
        ok(
            "{\"data\":[{\"start_time\":1772409600,\"end_time\":1772496000,\"results\":[]}],"
                + "\"has_more\":false,\"next_page\":null}"));

    var invalid = usageFails();

    assertThat(invalid.getMessage())
        .startsWith(
            "openai: bucket 2026-03-02T00:00:00Z ending 2026-03-03T00:00:00Z is not one aligned"
                + " 1h bucket");
  }

  @Test
  void costInOtherCurrencyIsInvalid() {
    server.enqueue(
        ok(
            "{\"data\":[{\"start_time\":1772409600,\"end_time\":1772496000,\"results\":[{"
                + "\"amount\":{\"value\":1.5,\"currency\":\"eur\"}}]}],\"has_more\":false}"));

    var invalid =
        catchThrowableOfType(
            ProviderResponseInvalidException.class,
            () ->
                source.fetchCosts(
                    key(OPENAI_KEY),
                    new TimeWindow(MARCH_2, MARCH_2.plus(Duration.ofDays(1))),
                    FetchProgress.NONE));

    assertThat(invalid.getMessage())
        .startsWith(
            "openai: bucket 2026-03-02T00:00:00Z, row 0 has an amount in a currency other than USD");
  }

  @Test
  void projectIdThatIsNotPlainIsInvalid() {
    server.enqueue(
        ok(
            "{\"object\":\"list\",\"data\":[{\"id\":\"..\",\"name\":\"FAKE\"}],\"has_more\":false}"));

    var invalid =
        catchThrowableOfType(
            ProviderResponseInvalidException.class, () -> source.fetchNames(key(OPENAI_KEY)));

    assertThat(invalid.getMessage())
        .startsWith("openai: project list has an id that is not a plain id");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void bodyThatIsNotObjectIsInvalid() {
    server.enqueue(ok("[1, 2, 3]"));

    var invalid = usageFails();

    assertThat(invalid)
        .hasMessage(
            "openai: the response body is not a JSON object (HTTP 200, request id req_FAKEshape)");
  }

  @Test
  void duplicateKeyIsInvalid() {
    server.enqueue(ok("{\"data\":[],\"has_more\":false,\"has_more\":true}"));

    var invalid = usageFails();

    assertThat(invalid)
        .hasMessage(
            "openai: the response body is malformed JSON (JsonParseException at line 1, column 39)"
                + " (HTTP 200, request id req_FAKEshape)");
  }

  @Test
  void nestingDeeperThanLimitIsInvalid() {
    server.enqueue(ok("{\"data\":" + "[".repeat(100) + "]".repeat(100) + "}"));

    var invalid = usageFails();

    assertThat(invalid.getMessage())
        .startsWith("openai: the response body is malformed JSON (StreamConstraintsException");
  }

  private ProviderResponseInvalidException usageFails() {
    return catchThrowableOfType(
        ProviderResponseInvalidException.class,
        () ->
            source.fetchUsage(
                key(OPENAI_KEY),
                new TimeWindow(MARCH_2, MARCH_2.plus(Duration.ofHours(3))),
                FetchProgress.NONE));
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("x-request-id", "req_FAKEshape")
        .body(body)
        .build();
  }

  private static MockResponse usagePage(String row) {
    return ok(
        "{\"data\":[{\"start_time\":1772409600,\"end_time\":1772413200,\"results\":[{"
            + row
            + "}]}],\"has_more\":false,\"next_page\":null}");
  }
}
