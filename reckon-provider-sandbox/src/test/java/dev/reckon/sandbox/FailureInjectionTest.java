package dev.reckon.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailureInjectionTest {

  private static final String COSTS = "/organization/costs?start_time=1794268800";
  private static final String REPORT =
      "/v1/organizations/cost_report?starting_at=2026-11-10T00:00:00Z";

  private final ProviderSandbox sandbox = SandboxHttp.start();
  private final SandboxHttp http = new SandboxHttp(sandbox);
  private final SandboxAdminKey openAi = SandboxHttp.key(sandbox, SandboxProvider.OPENAI, 0);
  private final SandboxAdminKey anthropic = SandboxHttp.key(sandbox, SandboxProvider.ANTHROPIC, 0);

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void rateLimitLastsCountRequests() {
    sandbox.injectFailures(openAi.key(), InjectedFailure.rateLimited(Duration.ofSeconds(7)), 2);

    HttpResponse<byte[]> first = http.openAi(COSTS, openAi.key());
    HttpResponse<byte[]> second = http.openAi(COSTS, openAi.key());
    HttpResponse<byte[]> third = http.openAi(COSTS, openAi.key());

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("retry-after")).contains("7");
    assertThat(first.headers().firstValue("x-request-id")).isPresent();
    assertThat(SandboxHttp.text(first))
        .isEqualTo(
            "{\"error\":{\"message\":\"Rate limit reached for the admin API of this organization;"
                + " retry later\",\"type\":\"requests\",\"param\":null,"
                + "\"code\":\"rate_limit_exceeded\"}}");
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(third.statusCode()).isEqualTo(200);
  }

  @Test
  void rateLimitWithoutRetryAfterSendsNoHeader() {
    sandbox.injectFailures(anthropic.key(), InjectedFailure.rateLimitedWithoutRetryAfter(), 1);

    HttpResponse<byte[]> response = http.anthropic(REPORT, anthropic.key());

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("retry-after")).isEmpty();
    assertThat(SandboxHttp.json(response).get("error").get("type").asText())
        .isEqualTo("rate_limit_error");
  }

  @Test
  void serverErrorsUseEachProvidersShape() {
    sandbox.injectFailures(openAi.key(), InjectedFailure.serverError(), 1);
    sandbox.injectFailures(anthropic.key(), InjectedFailure.serverError(), 1);

    HttpResponse<byte[]> openAiResponse = http.openAi(COSTS, openAi.key());
    HttpResponse<byte[]> anthropicResponse = http.anthropic(REPORT, anthropic.key());

    assertThat(openAiResponse.statusCode()).isEqualTo(500);
    assertThat(SandboxHttp.json(openAiResponse).get("error").get("type").asText())
        .isEqualTo("server_error");
    assertThat(anthropicResponse.statusCode()).isEqualTo(500);
    assertThat(SandboxHttp.json(anthropicResponse).get("error").get("type").asText())
        .isEqualTo("api_error");
    assertThat(SandboxHttp.json(anthropicResponse).get("request_id").asText())
        .isEqualTo(anthropicResponse.headers().firstValue("request-id").orElseThrow());
  }

  @Test
  void overloadedGets529() {
    sandbox.injectFailures(anthropic.key(), InjectedFailure.overloaded(), 1);

    HttpResponse<byte[]> response = http.anthropic(REPORT, anthropic.key());

    assertThat(response.statusCode()).isEqualTo(529);
    assertThat(SandboxHttp.json(response).get("error").get("type").asText())
        .isEqualTo("overloaded_error");
    assertThat(SandboxHttp.json(response).get("error").get("message").asText())
        .isEqualTo("The API is temporarily overloaded; retry later");
  }

  @Test
  void truncatedBodyEndsTheResponseEarly() {
    sandbox.injectFailures(openAi.key(), InjectedFailure.truncatedBody(), 1);

    assertThatThrownBy(() -> http.openAi(COSTS, openAi.key()))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);
    HttpResponse<byte[]> next = http.openAi(COSTS, openAi.key());

    assertThat(next.statusCode()).isEqualTo(200);
  }

  @Test
  void failuresApplyOnlyToTheirKey() {
    SandboxAdminKey other = SandboxHttp.key(sandbox, SandboxProvider.OPENAI, 1);
    sandbox.injectFailures(openAi.key(), InjectedFailure.serverError(), 3);

    HttpResponse<byte[]> response = http.openAi(COSTS, other.key());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void clearDropsQueuedFailures() {
    sandbox.injectFailures(openAi.key(), InjectedFailure.serverError(), 3);
    sandbox.clearInjectedFailures();

    HttpResponse<byte[]> response = http.openAi(COSTS, openAi.key());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void requestsAreCountedPerPathWhateverTheOutcome() {
    sandbox.injectFailures(openAi.key(), InjectedFailure.serverError(), 1);

    http.openAi(COSTS, openAi.key());
    http.openAi(COSTS, openAi.key());
    http.openAi(COSTS, null);
    http.anthropic(REPORT, anthropic.key());

    assertThat(sandbox.requestCount("/openai/v1/organization/costs")).isEqualTo(3);
    assertThat(sandbox.requestCount("/anthropic/v1/organizations/cost_report")).isEqualTo(1);
    assertThat(sandbox.requestCount("/openai/v1/organization/projects")).isZero();
    assertThat(sandbox.requestCounts())
        .containsOnlyKeys(
            "/openai/v1/organization/costs", "/anthropic/v1/organizations/cost_report");
  }

  @Test
  void injectionRejectsInvalidArguments() {
    assertThatThrownBy(() -> sandbox.injectFailures(openAi.key(), InjectedFailure.serverError(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'count' must be at least 1 (was 0)");
    assertThatThrownBy(
            () -> new InjectedFailure(InjectedFailure.Kind.SERVER_ERROR, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'retryAfter' applies only to RATE_LIMITED failures (was SERVER_ERROR)");
    assertThatThrownBy(() -> InjectedFailure.rateLimited(Duration.ofMillis(1500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'retryAfter' must be a whole, non-negative number of seconds (was PT1.5S)");
  }
}
