package dev.reckon.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.kms.MasterKeyConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {

  private static final String KEY_ARN =
      "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  @Test
  void productionRejectsLocalMasterKey() {
    Map<String, String> env = production();
    env.put("RECKON_MASTER_KEY", "local");

    assertThatThrownBy(() -> WorkerConfig.fromEnvironment(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "RECKON_MASTER_KEY=local is not allowed when RECKON_ENV=production");
  }

  @Test
  void productionRequiresMasterKeyChoice() {
    assertThatThrownBy(() -> WorkerConfig.fromEnvironment(production()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("RECKON_MASTER_KEY is not set and RECKON_ENV=production");
  }

  @Test
  void productionAcceptsKmsKeyArn() {
    Map<String, String> env = production();
    env.put("RECKON_MASTER_KEY", "aws-kms");
    env.put("RECKON_KMS_KEY_ID", KEY_ARN);
    env.put("RECKON_KMS_REGION", "eu-west-1");

    WorkerConfig config = WorkerConfig.fromEnvironment(env);

    assertThat(config.masterKey().kind()).isEqualTo(MasterKeyConfig.Kind.AWS_KMS);
    assertThat(config.masterKey().kms().keyId()).isEqualTo(KEY_ARN);
  }

  @Test
  void developmentUsesLocalKeyFile() {
    WorkerConfig config = WorkerConfig.fromEnvironment(Map.of());

    assertThat(config.masterKey().kind()).isEqualTo(MasterKeyConfig.Kind.LOCAL);
  }

  @Test
  void invalidRetentionIsConfigError() {
    assertThatThrownBy(
            () -> WorkerConfig.fromEnvironment(Map.of("RECKON_RETENTION_FREE_DAYS", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("RECKON_RETENTION_FREE_DAYS '0' is invalid");
  }

  private static Map<String, String> production() {
    Map<String, String> env = new HashMap<>();
    env.put("RECKON_ENV", "production");
    env.put("RECKON_DATABASE_HOST", "db.internal.example");
    env.put("RECKON_ALLOW_LOOPBACK_HTTP", "false");
    return env;
  }
}
