package dev.reckon.adapter.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.provider.anthropic.AnthropicUsageSource;
import dev.reckon.adapter.provider.openai.OpenAiUsageSource;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaseUrlPolicyTest {

  private static final HardenedHttpClient PRODUCTION =
      HardenedHttpClient.create(HttpClientSettings.forProduction());
  private static final HardenedHttpClient DEVELOPMENT =
      HardenedHttpClient.create(HttpClientSettings.forDevelopment());

  @Test
  void httpsIsAcceptedInProduction() {
    assertThat(PRODUCTION.baseUrl("https://api.openai.com/v1").toString())
        .isEqualTo("https://api.openai.com/v1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080/openai/v1",
        "http://[::1]:8080/anthropic",
        "http://localhost:8080/openai/v1"
      })
  void loopbackHttpIsAcceptedInDevelopment(String url) {
    assertThat(DEVELOPMENT.baseUrl(url).isHttps()).isFalse();
  }

  @Test
  void httpToRemoteHostIsRejected() {
    assertThatThrownBy(() -> DEVELOPMENT.baseUrl("http://api.openai.com/v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "provider base URL must use https unless its host is 127.0.0.1, ::1 or localhost (was"
                + " 'http://api.openai.com/v1')");
  }

  @Test
  void httpToOtherLoopbackAddressIsRejected() {
    assertThatThrownBy(() -> DEVELOPMENT.baseUrl("http://127.0.0.2:8080/openai/v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("provider base URL must use https unless its host is 127.0.0.1");
  }

  @Test
  void loopbackHttpIsRejectedInProduction() {
    assertThatThrownBy(() -> PRODUCTION.baseUrl("http://127.0.0.1:8080/openai/v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "provider base URL must use https in production mode (was"
                + " 'http://127.0.0.1:8080/openai/v1')");
  }

  @Test
  void loopbackHttpIsRejectedWhenNotAllowed() {
    HardenedHttpClient client =
        HardenedHttpClient.create(HttpClientSettings.forProduction().withMode(false, false));

    assertThatThrownBy(() -> client.baseUrl("http://127.0.0.1:8080/openai/v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "provider base URL must use https (was 'http://127.0.0.1:8080/openai/v1'): plain http"
                + " works only to a loopback host with loopback HTTP allowed");
  }

  @Test
  void userInfoIsRejectedWithoutEchoingPassword() {
    assertThatThrownBy(() -> PRODUCTION.baseUrl("https://user:FAKEpassword@api.openai.com/v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "provider base URL must not contain a user name or password (was"
                + " 'https://api.openai.com/v1'): remove the part before '@'");
  }

  @Test
  void queryIsRejected() {
    assertThatThrownBy(() -> PRODUCTION.baseUrl("https://api.openai.com/v1?x=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "provider base URL must not have a query or fragment (was"
                + " 'https://api.openai.com/v1?x=1'): remove the part from '?' or '#'");
  }

  @Test
  void unparseableUrlIsRejectedWithoutUserInfo() {
    assertThatThrownBy(() -> PRODUCTION.baseUrl("ftp://user:FAKEpassword@api.openai.com/v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "provider base URL must be an absolute https URL (was 'ftp://…@api.openai.com/v1')");
  }

  @Test
  void sourcesValidateTheirBaseUrl() {
    Clock clock = ProviderTestSupport.CLOCK;

    assertThatThrownBy(() -> new OpenAiUsageSource(PRODUCTION, "http://127.0.0.1:9/v1", clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("provider base URL must use https in production mode");
    assertThatThrownBy(() -> new AnthropicUsageSource(PRODUCTION, "http://example.com", clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("provider base URL must use https in production mode");
  }

  @Test
  void defaultBaseUrlsAreAccepted() {
    Clock clock = ProviderTestSupport.CLOCK;

    new OpenAiUsageSource(PRODUCTION, OpenAiUsageSource.DEFAULT_BASE_URL, clock);
    new AnthropicUsageSource(PRODUCTION, AnthropicUsageSource.DEFAULT_BASE_URL, clock);

    assertThat(PRODUCTION.baseUrl(AnthropicUsageSource.DEFAULT_BASE_URL).host())
        .isEqualTo("api.anthropic.com");
  }
}
