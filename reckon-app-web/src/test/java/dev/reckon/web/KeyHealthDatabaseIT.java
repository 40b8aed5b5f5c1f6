package dev.reckon.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reckon.adapter.kms.MasterKeyConfig;
import dev.reckon.adapter.postgres.JdbiDeadLetterRepository;
import dev.reckon.adapter.postgres.JdbiProviderKeyRepository;
import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.access.Role;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Plan;
import dev.reckon.ports.out.DeadLetter;
import dev.reckon.ports.service.RetentionPolicy;
import dev.reckon.web.auth.DevSigningKeys;
import dev.reckon.web.auth.DevTokens;
import dev.reckon.web.wiring.WebConfig;
import dev.reckon.web.wiring.WebWiring;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key health and retry routes wired by {@link WebWiring} against PostgreSQL: the web role reads
 * what the worker role recorded and may set only a dead letter's retry time.
 */
class KeyHealthDatabaseIT {

  private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String ADD_BODY =
      "{\"provider\":\"openai\",\"label\":\"main\","
          + "\"key\":\"sk-admin-FAKE-database-abcdefghijklmnop1234\"}";

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  @TempDir Path stateDir;
  private TestDatabase database;
  private WebWiring wiring;
  private Javalin app;
  private String adminToken;
  private String memberToken;
  private String otherAdminToken;

  @BeforeEach
  void start() {
    database = TestDatabase.create();
    DevSigningKeys keys = DevSigningKeys.loadOrCreate(stateDir.resolve("dev-signing-keys"));
    WebConfig config =
        new WebConfig(
            false,
            "127.0.0.1",
            0,
            database.settings().host(),
            database.settings().port(),
            database.settings().database(),
            "disable",
            database.roles().web(),
            null,
            MasterKeyConfig.local(stateDir.resolve("master-key")),
            null,
            null,
            null,
            Set.of(),
            keys.folder(),
            RetentionPolicy.defaults().withDays(Plan.FREE, 7));
    wiring = new WebWiring(config, CLOCK);
    app = WebApp.create(wiring.services()).start("127.0.0.1", 0);
    DevTokens tokens = new DevTokens(keys, CLOCK);
    adminToken =
        tokens.issue("user_FAKE_admin", new OrgSlug("acme"), Role.ADMIN, Duration.ofHours(1));
    memberToken =
        tokens.issue("user_FAKE_member", new OrgSlug("acme"), Role.MEMBER, Duration.ofHours(1));
    otherAdminToken =
        tokens.issue("user_FAKE_other", new OrgSlug("globex"), Role.ADMIN, Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    app.stop();
    wiring.close();
    database.close();
  }

  @Test
  void healthAndRetryUseStoredRows() throws Exception {
    ProviderKeyId keyId = addKey();
    OrgId orgId = organizationId(memberToken);
    UUID letterId = UUID.randomUUID();
    new JdbiProviderKeyRepository(database.worker())
        .recordSuccess(orgId, keyId, NOW.minusSeconds(5_400));
    JdbiDeadLetterRepository workerLetters = new JdbiDeadLetterRepository(database.worker());
    workerLetters.recordExhausted(deadLetter(orgId, keyId), letterId);

    HttpResponse<String> health = send("GET", "/provider-keys/" + keyId + "/health", memberToken);
    HttpResponse<String> byMember = retry(letterId, memberToken);
    HttpResponse<String> byOtherOrganization = retry(letterId, otherAdminToken);
    Instant retryTimeAfterRejections =
        workerLetters.find(orgId, letterId).orElseThrow().retryRequestedAt();
    HttpResponse<String> byAdmin = retry(letterId, adminToken);
    HttpResponse<String> repeated = retry(letterId, adminToken);

    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    JsonNode body = json.readTree(health.body());
    assertThat(body.path("id").asText()).isEqualTo(keyId.toString());
    assertThat(body.path("lag_seconds").asLong()).isEqualTo(5_400);
    assertThat(body.path("last_success_at").asText()).isEqualTo("2026-03-02T10:30:00Z");
    assertThat(body.path("open_dead_letters").asInt()).isEqualTo(1);
    assertThat(body.path("dead_letters")).hasSize(1);
    JsonNode letter = body.path("dead_letters").get(0);
    assertThat(letter.path("id").asText()).isEqualTo(letterId.toString());
    assertThat(letter.path("attempts").asInt()).isEqualTo(4);
    assertThat(letter.path("error_category").asText()).isEqualTo("provider_unavailable");
    assertThat(letter.path("retry_requested_at").isNull()).isTrue();
    assertThat(byMember.statusCode()).isEqualTo(403);
    assertThat(byOtherOrganization.statusCode()).isEqualTo(404);
    assertThat(retryTimeAfterRejections).isNull();
    assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(202);
    assertThat(byAdmin.body()).isEqualTo("{\"status\":\"retry_requested\"}");
    assertThat(repeated.statusCode()).isEqualTo(202);
    assertThat(workerLetters.find(orgId, letterId).orElseThrow().retryRequestedAt()).isEqualTo(NOW);
  }

  @Test
  void resolvedLetterCannotBeRetried() throws Exception {
    ProviderKeyId keyId = addKey();
    OrgId orgId = organizationId(adminToken);
    UUID letterId = UUID.randomUUID();
    JdbiDeadLetterRepository workerLetters = new JdbiDeadLetterRepository(database.worker());
    workerLetters.recordExhausted(deadLetter(orgId, keyId), letterId);
    workerLetters.resolve(orgId, keyId, "ingest-key", NOW);

    HttpResponse<String> response = retry(letterId, adminToken);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(workerLetters.find(orgId, letterId).orElseThrow().retryRequestedAt()).isNull();
  }

  @Test
  void organizationShowsConfiguredRetention() throws Exception {
    HttpResponse<String> response = send("GET", "/organization", memberToken);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json.readTree(response.body()).path("retention_days").asInt()).isEqualTo(7);
  }

  @Test
  void webRoleMayUpdateOnlyRetryTime() {
    UUID letterId = UUID.randomUUID();

    int retryRows =
        database
            .web()
            .withHandle(
                handle ->
                    handle.execute(
                        "update reckon.dead_letters set retry_requested_at = now() where id = ?",
                        letterId));

    assertThat(retryRows).isZero();
    for (String column : new String[] {"resolved_at", "attempts", "error_message"}) {
      assertThatThrownBy(
              () ->
                  database
                      .web()
                      .useHandle(
                          handle ->
                              handle.execute(
                                  "update reckon.dead_letters set "
                                      + column
                                      + " = "
                                      + column
                                      + " where id = ?",
                                  letterId)))
          .as(column)
          .hasStackTraceContaining("permission denied for table dead_letters");
    }
  }

  private ProviderKeyId addKey() throws Exception {
    HttpResponse<String> created = send("POST", "/provider-keys", adminToken, ADD_BODY);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return new ProviderKeyId(UUID.fromString(json.readTree(created.body()).path("id").asText()));
  }

  private OrgId organizationId(String token) throws Exception {
    HttpResponse<String> organization = send("GET", "/organization", token);
    assertThat(organization.statusCode()).as(organization.body()).isEqualTo(200);
    return new OrgId(UUID.fromString(json.readTree(organization.body()).path("id").asText()));
  }

  private static DeadLetter deadLetter(OrgId orgId, ProviderKeyId keyId) {
    return new DeadLetter(
        UUID.randomUUID(),
        orgId,
        keyId,
        "ingest-key",
        NOW.minusSeconds(7_200),
        NOW.minusSeconds(3_600),
        4,
        "provider_unavailable",
        "openai: failed (HTTP 503)",
        NOW.minusSeconds(1_800),
        NOW.minusSeconds(900),
        null,
        null);
  }

  private HttpResponse<String> retry(UUID letterId, String token) throws Exception {
    return send("POST", "/dead-letters/" + letterId + "/retry", token);
  }

  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    return send(method, path, token, null);
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1" + path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
