package dev.reckon.web.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.kms.MasterKeyConfig;
import dev.reckon.domain.tenant.Plan;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebConfigTest {

  @Test
  void productionRejectsLocalMasterKey() {
    Map<String, String> env = new HashMap<>();
    env.put("RECKON_ENV", "production");
    env.put("RECKON_MASTER_KEY", "local");

    assertThatThrownBy(() -> WebConfig.fromEnvironment(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "RECKON_MASTER_KEY=local is not allowed when RECKON_ENV=production");
  }

  @Test
  void developmentUsesLocalKeyFile() {
    WebConfig config = WebConfig.fromEnvironment(Map.of());

    assertThat(config.masterKey().kind()).isEqualTo(MasterKeyConfig.Kind.LOCAL);
  }

  @Test
  void retentionDefaultsToPlanDays() {
    WebConfig config = WebConfig.fromEnvironment(Map.of());

    assertThat(config.retention().days(Plan.FREE)).isEqualTo(Plan.FREE.retentionDays());
    assertThat(config.retention().days(Plan.PRO)).isEqualTo(Plan.PRO.retentionDays());
  }

  @Test
  void retentionIsReadFromEnvironment() {
    WebConfig config =
        WebConfig.fromEnvironment(
            Map.of("RECKON_RETENTION_FREE_DAYS", "7", "RECKON_RETENTION_PRO_DAYS", " 730 "));

    assertThat(config.retention().days(Plan.FREE)).isEqualTo(7);
    assertThat(config.retention().days(Plan.PRO)).isEqualTo(730);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "thirty", "1.5", "36501", "99999999999"})
  void invalidRetentionDaysAreRejected(String value) {
    Map<String, String> env = Map.of("RECKON_RETENTION_PRO_DAYS", value);

    assertThatThrownBy(() -> WebConfig.fromEnvironment(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "RECKON_RETENTION_PRO_DAYS '"
                + value
                + "' is invalid: use a whole number of days from 1 to 36500");
  }

  @Test
  void invalidFreeRetentionNamesItsVariable() {
    Map<String, String> env = Map.of("RECKON_RETENTION_FREE_DAYS", "0");

    assertThatThrownBy(() -> WebConfig.fromEnvironment(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("RECKON_RETENTION_FREE_DAYS '0' is invalid");
  }
}
