package dev.reckon.adapter.sentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SentrySettingsTest {

  private static final String DSN = "https://fakepublickey0000@sentry.example.test/42";

  @Test
  void fromEnvironmentReadsAllVariables() {
    Map<String, String> env =
        Map.of("SENTRY_DSN", DSN, "RECKON_ENV", "production", "RECKON_RELEASE", "reckon@1.4.0");

    SentrySettings settings = SentrySettings.fromEnvironment(env);

    assertThat(settings.dsn()).isEqualTo(DSN);
    assertThat(settings.environment()).isEqualTo("production");
    assertThat(settings.release()).isEqualTo("reckon@1.4.0");
  }

  @Test
  void fromEnvironmentDefaultsToDisabledDevelopment() {
    SentrySettings settings = SentrySettings.fromEnvironment(Map.of());

    assertThat(settings.dsn()).isNull();
    assertThat(settings.environment()).isEqualTo("development");
    assertThat(settings.release()).isNull();
  }

  @Test
  void blankVariablesCountAsUnset() {
    Map<String, String> env = Map.of("SENTRY_DSN", "  ", "RECKON_ENV", "", "RECKON_RELEASE", " ");

    SentrySettings settings = SentrySettings.fromEnvironment(env);

    assertThat(settings.dsn()).isNull();
    assertThat(settings.environment()).isEqualTo("development");
    assertThat(settings.release()).isNull();
  }

  @Test
  void toStringHidesDsn() {
    SentrySettings settings = new SentrySettings(DSN, "production", "reckon@1.4.0");

    assertThat(settings.toString())
        .isEqualTo("SentrySettings[dsn=set, environment=production, release=reckon@1.4.0]");
    assertThat(new SentrySettings(null, "test", null).toString())
        .isEqualTo("SentrySettings[dsn=unset, environment=test, release=null]");
  }

  @Test
  void dsnWithoutPublicKeyIsRejected() {
    assertThatThrownBy(() -> new SentrySettings("https://sentry.example.test/42", "test", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid SENTRY_DSN: the public key before '@' is missing. Copy the DSN from the"
                + " Sentry project's Client Keys page, or unset SENTRY_DSN to turn error"
                + " reporting off.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "fakepublickey0000 sentry.example.test",
        "ftp://fakepublickey0000@sentry.example.test/42",
        "https://fakepublickey0000@sentry.example.test/",
        "https://fakepublickey0000@/42"
      })
  void malformedDsnIsRejectedWithoutQuotingIt(String dsn) {
    assertThatThrownBy(() -> new SentrySettings(dsn, "test", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid SENTRY_DSN: ")
        .message()
        .doesNotContain("fakepublickey0000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"prod east", "team/prod", "None"})
  void invalidEnvironmentIsRejected(String environment) {
    assertThatThrownBy(() -> new SentrySettings(null, environment, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'environment' must be at most 64 characters without whitespace or '/' and not"
                + " 'None' (was '"
                + environment
                + "')");
  }

  @Test
  void releaseWithSlashIsRejected() {
    assertThatThrownBy(() -> new SentrySettings(null, "test", "reckon/1.4.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'release' must be 1 to 200 characters without line breaks, tabs, '/' or '\\'"
                + " and not '.' or '..' (was 'reckon/1.4.0')");
  }
}
