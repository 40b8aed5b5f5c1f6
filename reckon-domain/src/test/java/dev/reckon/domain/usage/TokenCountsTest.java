package dev.reckon.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenCountsTest {

  @Test
  void countsAboveIntRangeAddUp() {
    TokenCounts big = new TokenCounts(3_221_225_472L, 1, 2, 3, 4);

    TokenCounts sum = big.plus(big);

    assertThat(sum.uncachedInput()).isEqualTo(6_442_450_944L);
    assertThat(sum.totalInput()).isEqualTo(6_442_450_956L);
  }

  @Test
  void negativeCountIsRejectedWithItsName() {
    assertThatThrownBy(() -> new TokenCounts(0, 0, 0, 0, -35))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'output' must not be negative (was -35)");
  }

  @Test
  void overflowIsAnErrorNotAWrap() {
    TokenCounts nearMax = new TokenCounts(Long.MAX_VALUE, 0, 0, 0, 0);

    assertThatThrownBy(() -> nearMax.plus(new TokenCounts(1, 0, 0, 0, 0)))
        .isInstanceOf(ArithmeticException.class);
  }
}
