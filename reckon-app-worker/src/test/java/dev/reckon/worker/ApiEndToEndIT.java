package dev.reckon.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.access.Role;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.sandbox.ProviderSandbox;
import dev.reckon.sandbox.SandboxAdminKey;
import dev.reckon.sandbox.SandboxProvider;
import dev.reckon.sandbox.SandboxSettings;
import dev.reckon.web.WebApp;
import dev.reckon.web.auth.DevSigningKeys;
import dev.reckon.web.auth.DevTokens;
import dev.reckon.web.wiring.WebConfig;
import dev.reckon.web.wiring.WebWiring;
import io.javalin.Javalin;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key submitted through the web API is sealed by the web tier, opened by the worker, and the
 * spend it reads comes back through the web API equal to the sandbox's own totals.
 */
class ApiEndToEndIT {

  private static final Instant NOW = Instant.parse("2026-11-30T12:34:56Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private TestDatabase database;
  private ProviderSandbox sandbox;
  private WebWiring wiring;
  private Javalin app;
  private String adminToken;
  @TempDir Path stateDir;

  @BeforeEach
  void start() {
    database = TestDatabase.create();
    sandbox = ProviderSandbox.start(SandboxSettings.defaults().withPort(0).withClock(CLOCK));
    DevSigningKeys keys = DevSigningKeys.loadOrCreate(stateDir.resolve("dev-signing-keys"));
    WebConfig config = LocalWebConfig.of(database, stateDir, keys.folder());
    wiring = new WebWiring(config, CLOCK);
    app = WebApp.create(wiring.services()).start("127.0.0.1", 0);
    adminToken =
        new DevTokens(keys, CLOCK)
            .issue("user_FAKE_admin", new OrgSlug("acme"), Role.ADMIN, Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    app.stop();
    wiring.close();
    sandbox.close();
    database.close();
  }

  @Test
  void keySubmittedThroughApiIsIngestedAndReported() throws Exception {
    String key = sandboxKey(SandboxProvider.ANTHROPIC);

    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(api("/provider-keys"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"provider\":\"anthropic\",\"label\":\"main\",\"key\":\""
                            + key
                            + "\"}")));
    CommandRunner.Result pass = worker().run("worker", "--once");
    HttpResponse<String> summary =
        send(
            HttpRequest.newBuilder(
                    api("/usage/summary?from=2026-11-01&to=2026-11-30&group_by=provider"))
                .GET());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(pass.exitCode()).as(pass.err()).isZero();
    assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
    JsonNode anthropic = json.readTree(summary.body()).path("rows").get(0);
    assertThat(anthropic.path("group").asText()).isEqualTo("anthropic");
    SandboxTotals expected =
        SandboxTotals.anthropic(
            sandbox.anthropicBaseUrl(),
            key,
            Instant.parse("2026-11-01T00:00:00Z"),
            NOW.truncatedTo(ChronoUnit.HOURS),
            NOW.truncatedTo(ChronoUnit.DAYS));
    assertThat(new BigDecimal(anthropic.path("billed").asText()))
        .isEqualByComparingTo(expected.billedUsd);
    assertThat(anthropic.path("input_tokens").asLong()).isEqualTo(expected.inputTokens);
    for (String body : new String[] {created.body(), summary.body(), pass.out(), pass.err()}) {
      String secretPart = key.substring(key.lastIndexOf('-') + 1);
      for (int i = 0; i + 5 <= secretPart.length(); i++) {
        assertThat(body).doesNotContain(secretPart.substring(i, i + 5));
      }
    }
  }

  @Test
  void memberAdminCallsChangeNothing() throws Exception {
    String key = sandboxKey(SandboxProvider.OPENAI);
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(api("/provider-keys"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"provider\":\"openai\",\"label\":\"main\",\"key\":\"" + key + "\"}")));
    String keyId = json.readTree(created.body()).path("id").asText();
    String before = snapshot();
    String memberToken =
        new DevTokens(DevSigningKeys.loadOrCreate(stateDir.resolve("dev-signing-keys")), CLOCK)
            .issue("user_FAKE_member", new OrgSlug("acme"), Role.MEMBER, Duration.ofHours(1));

    int post =
        sendAs(
            memberToken,
            HttpRequest.newBuilder(api("/provider-keys"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"provider\":\"openai\",\"label\":\"second\",\"key\":\"" + key + "\"}")));
    int delete =
        sendAs(memberToken, HttpRequest.newBuilder(api("/provider-keys/" + keyId)).DELETE());
    int patch =
        sendAs(
            memberToken,
            HttpRequest.newBuilder(api("/organization"))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Taken over\"}")));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(post).isEqualTo(403);
    assertThat(delete).isEqualTo(403);
    assertThat(patch).isEqualTo(403);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void readyWhenDatabaseIsMigrated() throws Exception {
    HttpResponse<String> ready =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health/ready"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");
  }

  /**
   * Returns the organization's row and its provider key rows, read as the web role, as one text.
   */
  private String snapshot() {
    return database
        .web()
        .inTransaction(
            handle -> {
              String orgId =
                  handle
                      .createQuery("select reckon.org_id_for_clerk_org('org_dev_acme')::text")
                      .mapTo(String.class)
                      .one();
              handle.execute("select set_config('app.org_id', ?, true)", orgId);
              return handle.createQuery("select * from reckon.organizations").mapToMap().list()
                  + " "
                  + handle
                      .createQuery(
                          "select id, label, status, encode(sealed, 'hex') as sealed from reckon.provider_keys order by id")
                      .mapToMap()
                      .list();
            });
  }

  private int sendAs(String token, HttpRequest.Builder request) throws Exception {
    return http.send(
            request.header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private CommandRunner worker() {
    return new CommandRunner(
        database,
        stateDir,
        CLOCK,
        Map.of(
            "RECKON_OPENAI_BASE_URL", sandbox.openAiBaseUrl(),
            "RECKON_ANTHROPIC_BASE_URL", sandbox.anthropicBaseUrl(),
            "RECKON_MAX_BACKFILL_DAYS", "30"));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.header("Authorization", "Bearer " + adminToken).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI api(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + "/api/v1" + path);
  }

  private String sandboxKey(SandboxProvider provider) {
    return sandbox.adminKeys().stream()
        .filter(candidate -> candidate.provider() == provider)
        .map(SandboxAdminKey::key)
        .findFirst()
        .orElseThrow();
  }
}
