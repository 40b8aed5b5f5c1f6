package dev.reckon.adapter.kms.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KmsSettingsTest {

  static final String KEY_ARN =
      "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  static final String OTHER_KEY_ARN =
      "arn:aws:kms:eu-west-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321";
  static final String MULTI_REGION_KEY_ARN =
      "arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab";
  static final String ALIAS_ARN = "arn:aws:kms:eu-west-1:111122223333:alias/reckon-provider-keys";

  @ParameterizedTest
  @ValueSource(strings = {KEY_ARN, MULTI_REGION_KEY_ARN, ALIAS_ARN, "alias/reckon-provider-keys"})
  void ofAcceptsKeyArnsAndAliases(String keyId) {
    KmsSettings settings = KmsSettings.of(keyId, List.of(), "eu-west-1", null, true);

    assertThat(settings.keyId()).isEqualTo(keyId);
    assertThat(settings.region()).isEqualTo("eu-west-1");
    assertThat(settings.endpointOverride()).isEmpty();
  }

  @Test
  void keyIdIsKeyArnFalseForAliases() {
    assertThat(settings(KEY_ARN).keyIdIsKeyArn()).isTrue();
    assertThat(settings(MULTI_REGION_KEY_ARN).keyIdIsKeyArn()).isTrue();
    assertThat(settings(ALIAS_ARN).keyIdIsKeyArn()).isFalse();
    assertThat(settings("alias/reckon").keyIdIsKeyArn()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void ofRejectsEmptyKeyId(String keyId) {
    assertThatThrownBy(() -> KmsSettings.of(keyId, List.of(), "eu-west-1", null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "KMS key id is missing. Set the key ARN (arn:aws:kms:REGION:ACCOUNT_ID:key/KEY_ID),"
                + " an alias ARN or alias/NAME.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws:kms:eu-west-1:111122223333:key/not-a-uuid",
        "arn:aws:s3:::bucket",
        "reckon-provider-keys"
      })
  void ofRejectsUnknownKeyIdShape(String keyId) {
    assertThatThrownBy(() -> KmsSettings.of(keyId, List.of(), "eu-west-1", null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "KMS key id '"
                + keyId
                + "' is not a key ARN, an alias ARN or alias/NAME. Set the key ARN"
                + " (arn:aws:kms:REGION:ACCOUNT_ID:key/KEY_ID) or an alias.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu-west", "EU-WEST-1", "euwest1", "eu_west_1", "eu-west-1 "})
  void ofRejectsUnknownRegionShape(String region) {
    assertThatThrownBy(() -> KmsSettings.of(KEY_ARN, List.of(), region, null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "KMS region '" + region + "' is not an AWS region name. Use a name such as eu-west-1.");
  }

  @Test
  void ofRejectsMissingRegion() {
    assertThatThrownBy(() -> KmsSettings.of(KEY_ARN, List.of(), null, null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KMS region is missing. Set the AWS region of the key, such as eu-west-1.");
  }

  @Test
  void ofAcceptsLongerRegionNames() {
    String govKey =
        "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    assertThat(KmsSettings.of(govKey, List.of(), "us-gov-west-1", null, true).region())
        .isEqualTo("us-gov-west-1");
  }

  @Test
  void ofRejectsKeyOfOtherRegion() {
    assertThatThrownBy(() -> KmsSettings.of(KEY_ARN, List.of(), "us-east-1", null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "KMS key '"
                + KEY_ARN
                + "' is in region eu-west-1 but the configured region is us-east-1. KMS keys are"
                + " regional, so use a key of us-east-1 or set the region to eu-west-1.");
  }

  @Test
  void ofRejectsPreviousKeyAlias() {
    assertThatThrownBy(
            () -> KmsSettings.of(KEY_ARN, List.of("alias/old"), "eu-west-1", null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "previous KMS key id 'alias/old' is not a key ARN. The worker pins key ARNs when it"
                + " decrypts, so list each earlier key by its key ARN"
                + " (arn:aws:kms:REGION:ACCOUNT_ID:key/KEY_ID).");
  }

  @Test
  void ofRejectsPreviousKeyOfOtherRegion() {
    String otherRegion = OTHER_KEY_ARN.replace("eu-west-1", "eu-central-1");

    assertThatThrownBy(
            () -> KmsSettings.of(KEY_ARN, List.of(otherRegion), "eu-west-1", null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("KMS key '" + otherRegion + "' is in region eu-central-1");
  }

  @Test
  void ofRejectsNullPreviousKeyId() {
    List<String> previous = Arrays.asList((String) null);

    assertThatThrownBy(() -> KmsSettings.of(KEY_ARN, previous, "eu-west-1", null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("previous KMS key id 'null' is not a key ARN.");
  }

  @Test
  void openingKeyArnsListsCurrentThenPrevious() {
    KmsSettings settings =
        KmsSettings.of(KEY_ARN, List.of(OTHER_KEY_ARN, KEY_ARN), "eu-west-1", null, true);

    assertThat(settings.openingKeyArns()).containsExactly(KEY_ARN, OTHER_KEY_ARN);
    assertThat(settings.previousKeyIds()).containsExactly(OTHER_KEY_ARN, KEY_ARN);
  }

  @ParameterizedTest
  @ValueSource(strings = {ALIAS_ARN, "alias/reckon-provider-keys"})
  void openingKeyArnsRejectsAlias(String alias) {
    KmsSettings settings = settings(alias);

    assertThatThrownBy(settings::openingKeyArns)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "KMS key id '"
                + alias
                + "' is an alias, but the worker pins key ARNs when it decrypts. Set the key ARN"
                + " (arn:aws:kms:REGION:ACCOUNT_ID:key/KEY_ID) that the alias points to.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://kms.eu-west-1.amazonaws.com",
        "https://vpce-0123-abcd.kms.eu-west-1.vpce.amazonaws.com/"
      })
  void ofAcceptsHttpsEndpointInProduction(String endpoint) {
    KmsSettings settings =
        KmsSettings.of(KEY_ARN, List.of(), "eu-west-1", URI.create(endpoint), true);

    assertThat(settings.endpointOverride()).contains(URI.create(endpoint));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:4566",
        "http://[::1]:4566",
        "http://localhost:4566/",
        "http://LOCALHOST"
      })
  void ofAcceptsLoopbackHttpOutsideProduction(String endpoint) {
    KmsSettings settings =
        KmsSettings.of(KEY_ARN, List.of(), "eu-west-1", URI.create(endpoint), false);

    assertThat(settings.endpointOverride()).contains(URI.create(endpoint));
  }

  @Test
  void ofRejectsHttpEndpointInProduction() {
    URI endpoint = URI.create("http://127.0.0.1:4566");

    assertThatThrownBy(() -> KmsSettings.of(KEY_ARN, List.of(), "eu-west-1", endpoint, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "KMS endpoint override 'http://127.0.0.1:4566' must use https in production"
                + " (RECKON_ENV=production). Use an https URL, or leave it unset for the regional"
                + " endpoint.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://kms.example.test", "http://127.0.0.2:4566", "http://[::2]"})
  void ofRejectsHttpEndpointOffLoopback(String endpoint) {
    URI uri = URI.create(endpoint);

    assertThatThrownBy(() -> KmsSettings.of(KEY_ARN, List.of(), "eu-west-1", uri, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "KMS endpoint override '"
                + endpoint
                + "' may use http only on loopback (127.0.0.1, [::1] or localhost). Use an https"
                + " URL, or leave it unset for the regional endpoint.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://kms.example.test", "kms.example.test", "https:///path"})
  void ofRejectsEndpointWithoutHttpsHost(String endpoint) {
    URI uri = URI.create(endpoint);

    assertThatThrownBy(() -> KmsSettings.of(KEY_ARN, List.of(), "eu-west-1", uri, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("KMS endpoint override '" + endpoint + "' must");
  }

  @Test
  void ofRejectsEndpointQuery() {
    URI uri = URI.create("https://kms.example.test/?a=b");

    assertThatThrownBy(() -> KmsSettings.of(KEY_ARN, List.of(), "eu-west-1", uri, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "KMS endpoint override 'https://kms.example.test/?a=b' must not have a query or"
                + " fragment, or leave it unset for the regional endpoint.");
  }

  @Test
  void ofRejectsEndpointUserInfoWithoutEchoingIt() {
    URI uri = URI.create("https://user:FAKE-password-0000@kms.example.test");

    assertThatThrownBy(() -> KmsSettings.of(KEY_ARN, List.of(), "eu-west-1", uri, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not contain user info")
        .hasMessageNotContaining("FAKE-password-0000");
  }

  @Test
  void toStringShowsIds() {
    KmsSettings settings =
        KmsSettings.of(
            KEY_ARN,
            List.of(OTHER_KEY_ARN),
            "eu-west-1",
            URI.create("https://kms.eu-west-1.amazonaws.com"),
            true);

    assertThat(settings.toString())
        .isEqualTo(
            "KmsSettings[keyId="
                + KEY_ARN
                + ", previousKeyIds=["
                + OTHER_KEY_ARN
                + "], region=eu-west-1, endpointOverride=https://kms.eu-west-1.amazonaws.com]");
  }

  private static KmsSettings settings(String keyId) {
    return KmsSettings.of(keyId, List.of(), "eu-west-1", null, false);
  }
}
