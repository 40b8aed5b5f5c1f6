package dev.reckon.adapter.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentry.Breadcrumb;
import io.sentry.SentryEvent;
import io.sentry.protocol.Mechanism;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.SentryRuntime;
import io.sentry.protocol.User;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretScrubberTest {

  private static final String OPENAI_KEY = "sk-admin-FAKE-test-0000aaaaBBBBccccDDDD";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sk-FAKEtest0000aaaaBBBBccccDDDDeeee",
        "sk-proj-FAKE_test-0000aaaaBBBBcccc",
        "sk-admin-FAKE-test-0000aaaaBBBBcccc",
        "sk-svcacct-FAKE-test-0000aaaaBBBB",
        "sk-ant-api03-FAKE_test-0000aaaaBBBBcccc-DDDD",
        "sk-ant-admin01-FAKE-test-0000aaaaBBBBcccc",
        "sk-proj-abc*********************wxyz",
        "whsec_FAKEtest0000aaaaBBBB",
        "whsec_FAKE+test/0000aaaaBBBB==",
        "xoxb-0000000000-0000000000000-FAKEtestFAKEtest",
        "xoxp-0000000000-0000000000-FAKE",
        "xoxa-2-FAKEtest0000",
        "xoxr-FAKEtest0000",
        "xoxs-FAKEtest0000",
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEyMyJ9.c2lnbmF0dXJl",
        "AKIAFAKETEST0000AAAA",
        "ASIAFAKETEST0000BBBB",
        "0123456789abcdef0123456789abcdef",
        "FAKEtest0000aaaaBBBBccccDDDDeeee+/==",
        "FAKE_test-0000aaaaBBBBccccDDDDeeee"
      })
  void keyShapesAreRedacted(String secret) {
    String text = "call failed (" + secret + ") after 3 tries";

    String redacted = SecretScrubber.redact(text);

    assertThat(redacted).isEqualTo("call failed ([redacted]) after 3 tries");
  }

  @Test
  void bearerTokenIsRedactedKeepingScheme() {
    String redacted = SecretScrubber.redact("Authorization: Bearer abc.DEF-123_x");

    assertThat(redacted).isEqualTo("Authorization: Bearer [redacted]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "org 3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b has no keys",
        "ORG 3F2B8C1E-9A4D-4E6F-8B7A-1C2D3E4F5A6B HAS NO KEYS",
        "/var/lib/reckon/exports/organization-usage-2026-05-01.csv",
        "Task sk-learn finished",
        "risk-assessment-module-for-usage-anomalies",
        "IngestProviderKeyService.ingest failed with status 503",
        "MAX_CONCURRENT_PROVIDER_REQUESTS_PER_ORGANIZATION"
      })
  void ordinaryTextIsKept(String text) {
    assertThat(SecretScrubber.redact(text)).isEqualTo(text);
  }

  @Test
  void randomUuidIsKept() {
    String uuid = UUID.randomUUID().toString();

    assertThat(SecretScrubber.redact(uuid)).isEqualTo(uuid);
  }

  @Test
  void nullAndEmptyAreKept() {
    assertThat(SecretScrubber.redact(null)).isNull();
    assertThat(SecretScrubber.redact("")).isEmpty();
  }

  @Test
  void eventIsScrubbedEverywhere() {
    SentryEvent event = eventWithKeyEverywhere();

    SecretScrubber.scrub(event);

    assertThat(event.getExceptions())
        .extracting(SentryException::getValue)
        .containsExactly("outer", "middle", "401 for [redacted]");
    assertThat(event.getExceptions().get(2).getMechanism().getData())
        .containsEntry("response", "[redacted]");
    assertThat(event.getMessage().getMessage()).isEqualTo("Key {} rejected");
    assertThat(event.getMessage().getFormatted()).isEqualTo("Key [redacted] rejected");
    assertThat(event.getMessage().getParams()).containsExactly("[redacted]");
    assertThat(event.getBreadcrumbs().get(0).getMessage()).isEqualTo("calling [redacted]");
    assertThat(event.getBreadcrumbs().get(0).getData()).containsEntry("url", "/v1?k=[redacted]");
    assertThat(event.getTags())
        .containsEntry("provider_key", "[redacted]")
        .containsEntry(OrgScope.TAG, "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b");
    assertThat(event.getExtras())
        .containsEntry("body", "[redacted]")
        .containsEntry("nested", Map.of("keys", List.of("[redacted]", 7)));
    assertThat(event.getContexts().get("provider")).isEqualTo(Map.of("key", "[redacted]"));
    assertThat(event.getContexts().get("job")).isEqualTo(Map.of("value", "Job[key=[redacted]]"));
    assertThat(event.getContexts().getRuntime().getName()).isEqualTo("OpenJDK");
    assertThat(event.getTransaction()).isEqualTo("POST /keys/[redacted]");
    assertThat(event.getFingerprints()).containsExactly("[redacted]");
    assertThat(event.getUser()).isNull();
  }

  @Test
  void requestKeepsOnlyMethodAndUrlPath() {
    SentryEvent event = new SentryEvent();
    Request request = new Request();
    request.setMethod("POST");
    request.setUrl("https://reckon.test/api/keys/" + OPENAI_KEY + "?token=abc");
    request.setQueryString("token=abc");
    request.setData(Map.of("key", OPENAI_KEY));
    request.setHeaders(Map.of("Authorization", "Bearer abc"));
    request.setCookies("session=abc");
    request.setEnvs(Map.of("REMOTE_ADDR", "192.0.2.10"));
    event.setRequest(request);

    SecretScrubber.scrub(event);

    Request scrubbed = event.getRequest();
    assertThat(scrubbed.getMethod()).isEqualTo("POST");
    assertThat(scrubbed.getUrl()).isEqualTo("https://reckon.test/api/keys/[redacted]");
    assertThat(scrubbed.getQueryString()).isNull();
    assertThat(scrubbed.getData()).isNull();
    assertThat(scrubbed.getHeaders()).isNull();
    assertThat(scrubbed.getCookies()).isNull();
    assertThat(scrubbed.getEnvs()).isNull();
  }

  @Test
  void selfContainingMapEndsInRedaction() {
    SentryEvent event = new SentryEvent();
    Map<String, Object> loop = new HashMap<>();
    loop.put("self", loop);
    event.setExtra("loop", loop);

    SecretScrubber.scrub(event);

    assertThat(event.getExtras().get("loop").toString()).contains("[redacted]");
  }

  @Test
  void breadcrumbIsScrubbed() {
    Breadcrumb breadcrumb = Breadcrumb.http("https://provider.test/v1?key=" + OPENAI_KEY, "GET");
    breadcrumb.setMessage("Using " + OPENAI_KEY);

    SecretScrubber.scrub(breadcrumb);

    assertThat(breadcrumb.getMessage()).isEqualTo("Using [redacted]");
    assertThat(breadcrumb.getData())
        .containsEntry("url", "https://provider.test/v1")
        .containsEntry("http.query", "key=[redacted]")
        .containsEntry("method", "GET");
  }

  private static SentryEvent eventWithKeyEverywhere() {
    SentryEvent event = new SentryEvent();
    event.setExceptions(
        List.of(exception("outer"), exception("middle"), exception("401 for " + OPENAI_KEY)));
    Mechanism mechanism = new Mechanism();
    mechanism.setData(Map.of("response", OPENAI_KEY));
    event.getExceptions().get(2).setMechanism(mechanism);

    Message message = new Message();
    message.setMessage("Key {} rejected");
    message.setFormatted("Key " + OPENAI_KEY + " rejected");
    message.setParams(List.of(OPENAI_KEY));
    event.setMessage(message);

    Breadcrumb breadcrumb = new Breadcrumb("calling " + OPENAI_KEY);
    breadcrumb.setData("url", "/v1?k=" + OPENAI_KEY);
    event.setBreadcrumbs(List.of(breadcrumb));
    event.setTag("provider_key", OPENAI_KEY);
    event.setTag(OrgScope.TAG, "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b");
    event.setExtra("body", OPENAI_KEY);
    event.setExtra("nested", Map.of("keys", List.of(OPENAI_KEY, 7)));
    event.getContexts().put("provider", Map.of("key", OPENAI_KEY));
    event.getContexts().put("job", new Job(OPENAI_KEY));
    SentryRuntime runtime = new SentryRuntime();
    runtime.setName("OpenJDK");
    event.getContexts().setRuntime(runtime);
    event.setTransaction("POST /keys/" + OPENAI_KEY);
    event.setFingerprints(List.of(OPENAI_KEY));
    User user = new User();
    user.setEmail("owner@example.com");
    event.setUser(user);
    return event;
  }

  private static SentryException exception(String value) {
    SentryException exception = new SentryException();
    exception.setType("IllegalStateException");
    exception.setValue(value);
    return exception;
  }

  private record Job(String key) {}
}
