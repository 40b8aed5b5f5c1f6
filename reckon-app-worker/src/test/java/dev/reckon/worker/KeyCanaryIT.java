package dev.reckon.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.reckon.adapter.kms.aws.FakeKms;
import dev.reckon.adapter.kms.aws.FakeKmsServer;
import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.access.Role;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.sandbox.InjectedFailure;
import dev.reckon.sandbox.ProviderSandbox;
import dev.reckon.sandbox.SandboxSettings;
import dev.reckon.web.WebApp;
import dev.reckon.web.auth.DevSigningKeys;
import dev.reckon.web.auth.DevTokens;
import dev.reckon.web.wiring.WebConfig;
import dev.reckon.web.wiring.WebWiring;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Pushes one fake provider key through every failure path of sealing, opening, provider calls, web
 * key creation and ingestion, and checks that no log line, exception, command output, metric or
 * HTTP response contains any five characters of its secret part.
 */
class KeyCanaryIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-30T12:34:56Z"), ZoneOffset.UTC);
  private static final String SECRET_PART = "q7Zt9xW2mK4pL8vN3bR6yH1cJ5dF0gSaEuTiOo";
  private static final String OPENAI_CANARY = "sk-admin-FAKE-CANARY-" + SECRET_PART;
  private static final String ANTHROPIC_CANARY = "sk-ant-admin01-FAKE-CANARY-" + SECRET_PART;

  private final List<String> seen = new ArrayList<>();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final HttpClient http = HttpClient.newHttpClient();

  private TestDatabase database;
  private ProviderSandbox sandbox;
  private CommandRunner reckon;
  @TempDir Path stateDir;

  @BeforeEach
  void setUp() {
    logs.start();
    root().addAppender(logs);
    database = TestDatabase.create();
    sandbox = ProviderSandbox.start(SandboxSettings.defaults().withPort(0).withClock(CLOCK));
    reckon = runner(stateDir.resolve("master-key"));
    record(reckon.run("orgs", "create", "--slug", "globex", "--name", "Globex"));
  }

  @AfterEach
  void tearDown() {
    root().detachAppender(logs);
    sandbox.close();
    database.close();
  }

  @Test
  void canaryNeverLeavesAnyFailurePath() throws Exception {
    // Bad input: a key of one provider submitted as the other.
    assertThat(record(addKey(reckon, "anthropic", OPENAI_CANARY)).err()).contains("unknown format");
    assertThat(record(addKey(reckon, "openai", ANTHROPIC_CANARY)).err())
        .contains("not an admin key");

    // Sealing fails: the master key file is unreadable.
    Path brokenKeyFile = stateDir.resolve("broken-master-key");
    Files.writeString(brokenKeyFile, "not a master key file\n", StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(brokenKeyFile, PosixFilePermissions.fromString("rw-------"));
    assertThat(record(addKey(runner(brokenKeyFile), "openai", OPENAI_CANARY)).err())
        .contains("master key file")
        .contains("is invalid");

    // The provider rejects the key (401), then throttles, fails and truncates after a replace.
    CommandRunner.Result added = addKey(reckon, "openai", OPENAI_CANARY);
    record(added);
    String keyId = onlyKeyId();
    assertThat(record(reckon.run("worker", "--once")).out()).contains("1 rejected by the provider");
    for (InjectedFailure failure :
        List.of(
            InjectedFailure.rateLimited(Duration.ofSeconds(1)),
            InjectedFailure.serverError(),
            InjectedFailure.truncatedBody())) {
      record(replaceKey(keyId, OPENAI_CANARY));
      sandbox.injectFailures(OPENAI_CANARY, failure, 20);
      assertThat(record(reckon.run("worker", "--once")).exitCode()).isEqualTo(1);
      sandbox.clearInjectedFailures();
    }

    // Opening fails: the stored envelope is altered.
    record(replaceKey(keyId, OPENAI_CANARY));
    int altered = OwnerSql.alterEnvelope(database, "globex", keyId);
    CommandRunner.Result openingFailed = record(reckon.run("worker", "--once"));
    assertThat(altered).isEqualTo(1);
    assertThat(openingFailed.out()).contains("1 failed");
    record(reckon.run("keys", "list", "--org", "globex"));

    // Web key creation: bad input, a member, success, then the lists and metrics.
    webPaths();

    assertThat(added.exitCode()).as(added.err()).isZero();
    assertNoFragmentSeen();
  }

  private void assertNoFragmentSeen() {
    assertThat(logs.list).isNotEmpty();
    for (ILoggingEvent event : logs.list) {
      seen.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        seen.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
    }
    for (int start = 0; start + 5 <= SECRET_PART.length(); start++) {
      String fragment = SECRET_PART.substring(start, start + 5);
      assertThat(seen).as("fragment %s", fragment).noneMatch(text -> text.contains(fragment));
    }
  }

  @Test
  void canaryNeverLeavesKmsFailurePaths() throws Exception {
    System.setProperty("aws.accessKeyId", "test-access-key");
    System.setProperty("aws.secretAccessKey", "test-secret-key");
    System.setProperty("aws.disableEc2Metadata", "true");
    try (FakeKmsServer kms = FakeKmsServer.start(new FakeKms())) {
      String keyArn = kms.kms().newKey();
      Map<String, String> env = new HashMap<>(runner(stateDir.resolve("master-key")).env());
      env.put("RECKON_MASTER_KEY", "aws-kms");
      env.put("RECKON_KMS_KEY_ID", keyArn);
      env.put("RECKON_KMS_REGION", FakeKms.DEFAULT_REGION);
      env.put("RECKON_KMS_ENDPOINT", kms.endpoint().toString());
      CommandRunner withKms = new CommandRunner(database, stateDir, CLOCK, env);

      // Sealing fails: KMS throttles, then the key is disabled.
      // The SDK makes three attempts per call, each of them throttled.
      kms.kms().throttleNextCalls(3);
      CommandRunner.Result throttled = record(addKey(withKms, "openai", OPENAI_CANARY));
      kms.kms().disable(keyArn);
      CommandRunner.Result disabled = record(addKey(withKms, "openai", OPENAI_CANARY));

      // Opening fails: the key seals, then KMS refuses to decrypt.
      kms.kms().enable(keyArn);
      record(addKey(withKms, "openai", OPENAI_CANARY));
      kms.kms().disable(keyArn);
      CommandRunner.Result openingFailed = record(withKms.run("worker", "--once"));

      assertThat(throttled.exitCode()).isEqualTo(1);
      assertThat(disabled.err()).contains("disabled");
      assertThat(openingFailed.out()).contains("1 failed");
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
      System.clearProperty("aws.disableEc2Metadata");
    }
    assertNoFragmentSeen();
  }

  private void webPaths() throws Exception {
    DevSigningKeys keys = DevSigningKeys.loadOrCreate(stateDir.resolve("dev-signing-keys"));
    WebConfig config = LocalWebConfig.of(database, stateDir, keys.folder());
    DevTokens tokens = new DevTokens(keys, CLOCK);
    String admin =
        tokens.issue("user_FAKE_admin", new OrgSlug("acme"), Role.ADMIN, Duration.ofHours(1));
    String member =
        tokens.issue("user_FAKE_member", new OrgSlug("acme"), Role.MEMBER, Duration.ofHours(1));
    try (WebWiring wiring = new WebWiring(config, CLOCK)) {
      Javalin app = WebApp.create(wiring.services()).start("127.0.0.1", 0);
      try {
        String base = "http://127.0.0.1:" + app.port();
        post(
            base,
            admin,
            "{\"provider\":\"anthropic\",\"label\":\"x\",\"key\":\"" + OPENAI_CANARY + "\"}");
        post(
            base,
            admin,
            "{\"provider\":\"nope\",\"label\":\"x\",\"key\":\"" + OPENAI_CANARY + "\"}");
        post(
            base,
            admin,
            "{\"provider\":\"openai\",\"label\":\"\",\"key\":\"" + OPENAI_CANARY + "\"}");
        post(base, admin, "{\"provider\":\"openai\",\"key\":\"" + OPENAI_CANARY + "\"");
        post(
            base,
            member,
            "{\"provider\":\"openai\",\"label\":\"x\",\"key\":\"" + OPENAI_CANARY + "\"}");
        post(
            base,
            admin,
            "{\"provider\":\"openai\",\"label\":\"x\",\"key\":\"" + OPENAI_CANARY + "\"}");
        get(base + "/api/v1/provider-keys", admin);
        get(base + "/metrics", null);
      } finally {
        app.stop();
      }
    }
  }

  private int post(String base, String token, String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/provider-keys"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    seen.add(response.headers().map() + " " + response.body());
    return response.statusCode();
  }

  private void get(String url, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    seen.add(response.headers().map() + " " + response.body());
  }

  private static String body(String provider, String label, String key) {
    return "{\"provider\":\""
        + provider
        + "\",\"label\":\""
        + label
        + "\",\"key\":\""
        + key
        + "\"}";
  }

  private CommandRunner.Result addKey(CommandRunner runner, String provider, String key) {
    return runner.runWithInput(
        key + "\n", "keys", "add", "--org", "globex", "--provider", provider, "--label", "canary");
  }

  private CommandRunner.Result replaceKey(String keyId, String key) {
    return reckon.runWithInput(key + "\n", "keys", "replace", "--org", "globex", "--id", keyId);
  }

  private String onlyKeyId() {
    return database
        .owner()
        .withHandle(
            handle ->
                handle
                    .createQuery("select id::text from reckon.provider_keys")
                    .mapTo(String.class)
                    .one());
  }

  private CommandRunner runner(Path masterKeyFile) {
    return new CommandRunner(
        database,
        stateDir,
        CLOCK,
        Map.of(
            "RECKON_OPENAI_BASE_URL", sandbox.openAiBaseUrl(),
            "RECKON_ANTHROPIC_BASE_URL", sandbox.anthropicBaseUrl(),
            "RECKON_MAX_BACKFILL_DAYS", "2",
            "RECKON_MASTER_KEY_FILE", masterKeyFile.toString()));
  }

  private CommandRunner.Result record(CommandRunner.Result result) {
    seen.add(result.out());
    seen.add(result.err());
    return result;
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
