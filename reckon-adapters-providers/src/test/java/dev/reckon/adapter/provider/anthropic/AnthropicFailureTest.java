package dev.reckon.adapter.provider.anthropic;

import static dev.reckon.adapter.provider.ProviderTestSupport.ANTHROPIC_KEY;
import static dev.reckon.adapter.provider.ProviderTestSupport.CLOCK;
import static dev.reckon.adapter.provider.ProviderTestSupport.key;
import static dev.reckon.adapter.provider.ProviderTestSupport.testClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.ports.out.FetchProgress;
import dev.reckon.ports.out.ProviderCallException;
import dev.reckon.ports.out.ProviderKeyRejectedException;
import dev.reckon.ports.out.ProviderRateLimitedException;
import dev.reckon.ports.out.ProviderResponseInvalidException;
import dev.reckon.ports.out.ProviderUnavailableException;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicFailureTest {

  private static final Instant MARCH_1 = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant MARCH_2 = Instant.parse("2026-03-02T00:00:00Z");
  private static final TimeWindow THREE_HOURS =
      new TimeWindow(MARCH_2, MARCH_2.plus(Duration.ofHours(3)));
  private static final TimeWindow TWO_DAYS =
      new TimeWindow(MARCH_1, MARCH_1.plus(Duration.ofDays(2)));
  private static final String FULL_ROW =
      "\"uncached_input_tokens\":1,\"cache_read_input_tokens\":2,"
          + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":3,\"ephemeral_1h_input_tokens\":4},"
          + "\"output_tokens\":5";

  private final MockWebServer server = new MockWebServer();
  private AnthropicUsageSource source;

  @BeforeEach
  void start() throws Exception {
    server.start();
    source = new AnthropicUsageSource(testClient(), server.url("/anthropic").toString(), CLOCK);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void unauthorizedRejectsKeyWithErrorType() {
    server.enqueue(
        error(401, "authentication_error").addHeader("request-id", "req_011FAKE401").build());

    var rejected = usageFails(ProviderKeyRejectedException.class);

    assertThat(rejected)
        .hasMessage(
            "anthropic: the provider rejected the key as invalid or revoked, so replace it with a"
                + " current Admin key (HTTP 401, authentication_error, request id req_011FAKE401)");
  }

  @Test
  void forbiddenRejectsKeyAsNotAdmin() {
    server.enqueue(
        error(403, "permission_error").addHeader("request-id", "req_011FAKE403").build());

    var rejected = usageFails(ProviderKeyRejectedException.class);

    assertThat(rejected.status()).isEqualTo(403);
    assertThat(rejected.errorCode()).isEqualTo("permission_error");
    assertThat(rejected.reason()).startsWith("the key is not an Admin key");
  }

  @Test
  void requestIdFallsBackToErrorBody() {
    server.enqueue(error(403, "permission_error").build());

    var rejected = usageFails(ProviderKeyRejectedException.class);

    assertThat(rejected.requestId()).isEqualTo("req_011FAKEbody");
  }

  @Test
  void rateLimitedHonoursLowerCaseRetryAfter() {
    server.enqueue(error(429, "rate_limit_error").addHeader("retry-after", "7").build());

    var limited = usageFails(ProviderRateLimitedException.class);

    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(limited.errorCode()).isEqualTo("rate_limit_error");
  }

  @Test
  void overloadedIsUnavailable() {
    server.enqueue(
        error(529, "overloaded_error").addHeader("request-id", "req_011FAKE529").build());

    var unavailable = usageFails(ProviderUnavailableException.class);

    assertThat(unavailable)
        .hasMessage(
            "anthropic: the provider failed with a server error (HTTP 529, overloaded_error,"
                + " request id req_011FAKE529)");
  }

  @Test
  void rowWithoutCacheCreationIsInvalid() {
    server.enqueue(
        usagePage(
            "\"uncached_input_tokens\":1,\"cache_read_input_tokens\":2," + "\"output_tokens\":5"));

    var invalid = usageFails(ProviderResponseInvalidException.class);

    assertThat(invalid)
        .hasMessage(
            "anthropic: bucket 2026-03-02T00:00:00Z, row 0 has no 'cache_creation' object (HTTP"
                + " 200, request id req_011FAKEok)");
  }

  @Test
  void cacheCreationWithoutOneHourCountIsInvalid() {
    server.enqueue(
        usagePage(
            "\"uncached_input_tokens\":1,\"cache_read_input_tokens\":2,"
                + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":3},\"output_tokens\":5"));

    var invalid = usageFails(ProviderResponseInvalidException.class);

    assertThat(invalid.getMessage())
        .startsWith(
            "anthropic: bucket 2026-03-02T00:00:00Z, row 0 has no 'ephemeral_1h_input_tokens'"
                + " count");
  }

  @Test
  void negativeCountIsInvalid() {
    server.enqueue(usagePage(FULL_ROW.replace("\"output_tokens\":5", "\"output_tokens\":-35")));

    var invalid = usageFails(ProviderResponseInvalidException.class);

    assertThat(invalid.getMessage())
        .startsWith(
            "anthropic: bucket 2026-03-02T00:00:00Z, row 0 has a negative 'output_tokens' (-35)");
  }

  @Test
  void countBeyondSixtyFourBitsIsInvalid() {
    server.enqueue(
        usagePage(
            FULL_ROW.replace("\"output_tokens\":5", "\"output_tokens\":9223372036854775808")));

    var invalid = usageFails(ProviderResponseInvalidException.class);

    assertThat(invalid.getMessage()).contains("has a 'output_tokens' that is not a 64-bit integer");
  }

  @Test
  void countSentAsStringIsInvalid() {
    server.enqueue(usagePage(FULL_ROW.replace("\"output_tokens\":5", "\"output_tokens\":\"5\"")));

    var invalid = usageFails(ProviderResponseInvalidException.class);

    assertThat(invalid.getMessage()).contains("has a 'output_tokens' that is not a 64-bit integer");
  }

  @Test
  void unalignedBucketIsInvalid() {
    server.enqueue(
        ok(
            "{\"data\":[{\"starting_at\":\"2026-03-02T00:30:00Z\",\"ending_at\":"
                + "\"2026-03-02T01:00:00Z\",\"results\":[]}],\"has_more\":false,\"next_page\":null}"));

    var invalid = usageFails(ProviderResponseInvalidException.class);

    assertThat(invalid.getMessage())
        .startsWith(
            "anthropic: bucket 2026-03-02T00:30:00Z ending 2026-03-02T01:00:00Z is not one"
                + " aligned 1h bucket");
  }

  @Test
  void bucketOutsideWindowIsInvalid() {
    server.enqueue(
        ok(
            "{\"data\":[{\"starting_at\":\"2026-03-02T05:00:00Z\",\"ending_at\":"
                + "\"2026-03-02T06:00:00Z\",\"results\":[]}],\"has_more\":false,\"next_page\":null}"));

    var invalid = usageFails(ProviderResponseInvalidException.class);

    assertThat(invalid.getMessage())
        .startsWith(
            "anthropic: bucket 2026-03-02T05:00:00Z is outside the requested window"
                + " [2026-03-02T00:00:00Z, 2026-03-02T03:00:00Z)");
  }

  @Test
  void bucketWithoutResultsIsInvalid() {
    server.enqueue(
        ok(
            "{\"data\":[{\"starting_at\":\"2026-03-02T00:00:00Z\",\"ending_at\":"
                + "\"2026-03-02T01:00:00Z\"}],\"has_more\":false,\"next_page\":null}"));

    var invalid = usageFails(ProviderResponseInvalidException.class);

    assertThat(invalid.getMessage())
        .startsWith("anthropic: bucket 2026-03-02T00:00:00Z has no 'results' array");
  }

  @Test
  void pageWithoutHasMoreIsInvalid() {
    server.enqueue(ok("{\"data\":[],\"next_page\":null}"));

    var invalid = usageFails(ProviderResponseInvalidException.class);

    assertThat(invalid.getMessage()).startsWith("anthropic: the page has no boolean 'has_more'");
  }

  @Test
  void costInOtherCurrencyIsInvalid() {
    server.enqueue(costPage("\"amount\":\"100\",\"currency\":\"EUR\""));

    var invalid = costFails(ProviderResponseInvalidException.class);

    assertThat(invalid)
        .hasMessage(
            "anthropic: bucket 2026-03-01T00:00:00Z, row 0 has an amount in a currency other than"
                + " USD (HTTP 200, request id req_011FAKEok)");
  }

  @Test
  void costAmountThatIsNotDecimalIsInvalid() {
    server.enqueue(costPage("\"amount\":\"12,50\",\"currency\":\"USD\""));

    var invalid = costFails(ProviderResponseInvalidException.class);

    assertThat(invalid.getMessage())
        .startsWith("anthropic: bucket 2026-03-01T00:00:00Z, row 0 has no decimal 'amount'");
  }

  @Test
  void costAmountAsNumberIsStillCents() {
    server.enqueue(costPage("\"amount\":141,\"currency\":\"USD\""));

    var costs = source.fetchCosts(key(ANTHROPIC_KEY), TWO_DAYS, FetchProgress.NONE);

    assertThat(costs.get(0).amount().amount()).isEqualByComparingTo("1.41");
  }

  private <T extends ProviderCallException> T usageFails(Class<T> type) {
    try (SecretBytes adminKey = key(ANTHROPIC_KEY)) {
      return catchThrowableOfType(
          type, () -> source.fetchUsage(adminKey, THREE_HOURS, FetchProgress.NONE));
    }
  }

  private <T extends ProviderCallException> T costFails(Class<T> type) {
    try (SecretBytes adminKey = key(ANTHROPIC_KEY)) {
      return catchThrowableOfType(
          type, () -> source.fetchCosts(adminKey, TWO_DAYS, FetchProgress.NONE));
    }
  }

  private static MockResponse.Builder error(int status, String type) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json")
        .body(
            "{\"type\":\"error\",\"error\":{\"type\":\""
                + type
                + "\",\"message\":\"FAKE message\"},\"request_id\":\"req_011FAKEbody\"}");
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("request-id", "req_011FAKEok")
        .body(body)
        .build();
  }

  private static MockResponse usagePage(String row) {
    return ok(
        "{\"data\":[{\"starting_at\":\"2026-03-02T00:00:00Z\",\"ending_at\":"
            + "\"2026-03-02T01:00:00Z\",\"results\":[{"
            + row
            + "}]}],\"has_more\":false,\"next_page\":null}");
  }

  private static MockResponse costPage(String row) {
    return ok(
        "{\"data\":[{\"starting_at\":\"2026-03-01T00:00:00Z\",\"ending_at\":"
            + "\"2026-03-02T00:00:00Z\",\"results\":[{"
            + row
            + "}]}],\"has_more\":false,\"next_page\":null}");
  }
}
