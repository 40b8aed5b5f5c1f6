package dev.reckon.adapter.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProviderJsonTest {

  @Test
  void decimalsKeepEveryDigitAndScale() throws Exception {
    JsonNode tree = parse("{\"a\":12.34567890123456789,\"b\":0.50,\"c\":1e-7}");

    assertThat(tree.get("a").decimalValue()).isEqualTo(new BigDecimal("12.34567890123456789"));
    assertThat(tree.get("b").decimalValue()).isEqualTo(new BigDecimal("0.50"));
    assertThat(tree.get("c").decimalValue()).isEqualByComparingTo("0.0000001");
  }

  @Test
  void trailingContentIsRejected() {
    assertThatThrownBy(() -> parse("{\"a\":1} {\"b\":2}")).isInstanceOf(IOException.class);
  }

  @Test
  void overlongStringIsRejected() {
    String text = "x".repeat(ProviderJson.MAX_STRING_LENGTH + 1);

    assertThatThrownBy(() -> parse("{\"a\":\"" + text + "\"}"))
        .isInstanceOf(StreamConstraintsException.class);
  }

  @Test
  void nestingAtLimitIsAccepted() throws Exception {
    int depth = ProviderJson.MAX_NESTING_DEPTH;

    JsonNode tree = parse("[".repeat(depth) + "]".repeat(depth));

    assertThat(tree.isArray()).isTrue();
  }

  private static JsonNode parse(String json) throws IOException {
    return ProviderJson.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}
