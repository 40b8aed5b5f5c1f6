package dev.reckon.adapter.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MasterKeyConfigTest {

  private static final String KEY_ARN =
      "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  private static final String OLD_KEY_ARN =
      "arn:aws:kms:eu-west-1:111122223333:key/0000abcd-12ab-34cd-56ef-1234567890ab";

  @Test
  void developmentDefaultsToLocalFile() {
    MasterKeyConfig config = MasterKeyConfig.fromEnvironment(Map.of(), false);

    assertThat(config.kind()).isEqualTo(MasterKeyConfig.Kind.LOCAL);
    assertThat(config.localFile()).isEqualTo(Path.of(".reckon/master-key"));
  }

  @Test
  void localFileFollowsItsVariable() {
    MasterKeyConfig config =
        MasterKeyConfig.fromEnvironment(Map.of("RECKON_MASTER_KEY_FILE", "/tmp/mk"), false);

    assertThat(config.localFile()).isEqualTo(Path.of("/tmp/mk"));
  }

  @Test
  void productionRejectsLocalFile() {
    assertThatThrownBy(
            () -> MasterKeyConfig.fromEnvironment(Map.of("RECKON_MASTER_KEY", "local"), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "RECKON_MASTER_KEY=local is not allowed when RECKON_ENV=production: the local key"
                + " file is for development only. Set RECKON_MASTER_KEY=aws-kms");
  }

  @Test
  void productionRequiresChoice() {
    assertThatThrownBy(() -> MasterKeyConfig.fromEnvironment(Map.of(), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("RECKON_MASTER_KEY is not set and RECKON_ENV=production");
  }

  @Test
  void awsKmsReadsKeyRegionAndPreviousKeys() {
    MasterKeyConfig config =
        MasterKeyConfig.fromEnvironment(
            Map.of(
                "RECKON_MASTER_KEY",
                "aws-kms",
                "RECKON_KMS_KEY_ID",
                KEY_ARN,
                "RECKON_KMS_REGION",
                "eu-west-1",
                "RECKON_KMS_PREVIOUS_KEY_IDS",
                " " + OLD_KEY_ARN + " ,"),
            true);

    assertThat(config.kind()).isEqualTo(MasterKeyConfig.Kind.AWS_KMS);
    assertThat(config.kms().keyId()).isEqualTo(KEY_ARN);
    assertThat(config.kms().previousKeyIds()).containsExactly(OLD_KEY_ARN);
    assertThat(config.kms().region()).isEqualTo("eu-west-1");
    assertThat(config.kms().endpointOverride()).isEmpty();
  }

  @Test
  void awsKmsNamesMissingKeyId() {
    assertThatThrownBy(
            () ->
                MasterKeyConfig.fromEnvironment(
                    Map.of("RECKON_MASTER_KEY", "aws-kms", "RECKON_KMS_REGION", "eu-west-1"),
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "RECKON_KMS_KEY_ID is not set and RECKON_MASTER_KEY=aws-kms: set it to the key ARN"
                + " of the KMS key (the web tier also accepts an alias)");
  }

  @Test
  void unknownModeIsNamed() {
    assertThatThrownBy(
            () -> MasterKeyConfig.fromEnvironment(Map.of("RECKON_MASTER_KEY", "vault"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RECKON_MASTER_KEY 'vault' is invalid: use local or aws-kms");
  }

  @Test
  void localConfigHasNoKmsSettings() {
    MasterKeyConfig config = MasterKeyConfig.local(Path.of("mk"));

    assertThatThrownBy(config::kms).isInstanceOf(IllegalStateException.class);
  }
}
