package dev.reckon.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.kms.Envelope;
import dev.reckon.adapter.kms.aws.FakeKms;
import dev.reckon.adapter.kms.aws.FakeKmsServer;
import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.sandbox.ProviderSandbox;
import dev.reckon.sandbox.SandboxAdminKey;
import dev.reckon.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line and worker with an AWS KMS master key: the real SDK client talks to a fake KMS
 * on 127.0.0.1. Keys are sealed with GenerateDataKey, opened with Decrypt, and moved to a new KMS
 * key with ReEncrypt.
 */
class KmsMasterKeyIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-30T12:34:56Z"), ZoneOffset.UTC);

  private TestDatabase database;
  private ProviderSandbox sandbox;
  private FakeKmsServer kms;
  private String firstKey;
  @TempDir Path stateDir;

  @BeforeEach
  void setUp() throws Exception {
    // The SDK's default credential chain reads these first, so it never looks further.
    System.setProperty("aws.accessKeyId", "test-access-key");
    System.setProperty("aws.secretAccessKey", "test-secret-key");
    System.setProperty("aws.disableEc2Metadata", "true");
    database = TestDatabase.create();
    sandbox = ProviderSandbox.start(SandboxSettings.defaults().withPort(0).withClock(CLOCK));
    kms = FakeKmsServer.start(new FakeKms());
    firstKey = kms.kms().newKey();
    assertThat(
            reckon(firstKey, List.of())
                .run("orgs", "create", "--slug", "acme", "--name", "Acme")
                .exitCode())
        .isZero();
  }

  @AfterEach
  void tearDown() {
    kms.close();
    sandbox.close();
    database.close();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    System.clearProperty("aws.disableEc2Metadata");
  }

  @Test
  void rewrapMovesKeysToNewKmsKey() {
    CommandRunner first = reckon(firstKey, List.of());
    List<SandboxAdminKey> keys = sandbox.adminKeys();
    addKey(first, keys.get(0));
    addKey(first, keys.get(1));

    CommandRunner.Result polled = first.run("worker", "--once");
    String secondKey = kms.kms().newKey();
    CommandRunner afterSwitch = reckon(secondKey, List.of(firstKey));
    CommandRunner.Result polledDuringSwitch = afterSwitch.run("worker", "--once");
    CommandRunner.Result rewrapped = afterSwitch.run("keys", "rewrap");
    kms.kms().disable(firstKey);
    CommandRunner.Result polledAfterRewrap = reckon(secondKey, List.of()).run("worker", "--once");

    assertThat(polled.exitCode()).as(polled.out() + polled.err()).isZero();
    assertThat(polled.out()).contains("Polled 2 keys: 2 ingested, 0 failed");
    assertThat(polledDuringSwitch.out()).contains("Polled 2 keys: 2 ingested, 0 failed");
    assertThat(rewrapped.exitCode()).as(rewrapped.err()).isZero();
    assertThat(rewrapped.out()).contains("2 keys re-wrapped, 0 already under " + secondKey);
    assertThat(rewrapped.out()).doesNotContain("Retired");
    assertThat(polledAfterRewrap.out()).contains("Polled 2 keys: 2 ingested, 0 failed");
    assertThat(storedMasterKeyIds()).containsOnly(secondKey);
  }

  @Test
  void disabledKmsKeyFailsPollWithoutParkingKeys() {
    CommandRunner reckon = reckon(firstKey, List.of());
    addKey(reckon, sandbox.adminKeys().get(0));
    kms.kms().disable(firstKey);

    CommandRunner.Result polled = reckon.run("worker", "--once");
    CommandRunner.Result list = reckon.run("keys", "list", "--org", "acme");

    assertThat(polled.exitCode()).isEqualTo(1);
    assertThat(polled.out()).contains("Polled 1 keys: 0 ingested, 1 failed");
    assertThat(list.out()).contains("active").doesNotContain("needs_attention");
  }

  private void addKey(CommandRunner reckon, SandboxAdminKey key) {
    String provider = key.provider().name().toLowerCase(java.util.Locale.ROOT);
    CommandRunner.Result added =
        reckon.runWithInput(
            key.key() + "\n",
            "keys",
            "add",
            "--org",
            "acme",
            "--provider",
            provider,
            "--label",
            provider);
    assertThat(added.exitCode()).as(added.err()).isZero();
  }

  private List<String> storedMasterKeyIds() {
    return OwnerSql.inOrg(
        database,
        "acme",
        handle ->
            handle
                .createQuery("select sealed from reckon.provider_keys")
                .mapTo(byte[].class)
                .list()
                .stream()
                .map(envelope -> Envelope.decode(envelope).masterKeyId())
                .toList());
  }

  private CommandRunner reckon(String keyArn, List<String> previousKeyArns) {
    Map<String, String> env = new HashMap<>();
    env.put("RECKON_OPENAI_BASE_URL", sandbox.openAiBaseUrl());
    env.put("RECKON_ANTHROPIC_BASE_URL", sandbox.anthropicBaseUrl());
    env.put("RECKON_MAX_BACKFILL_DAYS", "2");
    env.put("RECKON_MASTER_KEY", "aws-kms");
    env.put("RECKON_KMS_KEY_ID", keyArn);
    env.put("RECKON_KMS_PREVIOUS_KEY_IDS", String.join(",", previousKeyArns));
    env.put("RECKON_KMS_REGION", FakeKms.DEFAULT_REGION);
    env.put("RECKON_KMS_ENDPOINT", kms.endpoint().toString());
    return new CommandRunner(database, stateDir, CLOCK, env);
  }
}
