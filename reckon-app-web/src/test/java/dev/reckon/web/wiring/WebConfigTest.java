package dev.reckon.web.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.kms.MasterKeyConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
