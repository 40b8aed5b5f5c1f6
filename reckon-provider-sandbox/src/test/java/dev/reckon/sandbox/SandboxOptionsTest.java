package dev.reckon.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxOptionsTest {

  @Test
  void noArgumentsGiveDefaults() {
    SandboxOptions options = SandboxOptions.parse();

    assertThat(options).isEqualTo(new SandboxOptions(0, 42, null, Duration.ZERO, false));
  }

  @Test
  void flagsTakeSeparateOrInlineValues() {
    SandboxOptions separate =
        SandboxOptions.parse("--port", "8089", "--seed", "-7", "--state-file", "run/state.json");
    SandboxOptions inline =
        SandboxOptions.parse("--port=8089", "--seed=-7", "--state-file=run/state.json");

    assertThat(separate)
        .isEqualTo(new SandboxOptions(8089, -7, Path.of("run/state.json"), Duration.ZERO, false));
    assertThat(inline).isEqualTo(separate);
  }

  @Test
  void latencyTakesMilliseconds() {
    SandboxOptions separate = SandboxOptions.parse("--latency-ms", "200");
    SandboxOptions inline = SandboxOptions.parse("--latency-ms=60000");

    assertThat(separate.latency()).isEqualTo(Duration.ofMillis(200));
    assertThat(inline.latency()).isEqualTo(Duration.ofMinutes(1));
    assertThat(SandboxOptions.USAGE).contains("--latency-ms N");
  }

  @Test
  void invalidLatencyIsRejectedWithItsValue() {
    assertThatThrownBy(() -> SandboxOptions.parse("--latency-ms", "0.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid value for --latency-ms: '0.5' is not a whole number of milliseconds from 0"
                + " to 60000");
    assertThatThrownBy(() -> SandboxOptions.parse("--latency-ms=-1"))
        .hasMessage(
            "invalid value for --latency-ms: '-1' is not a whole number of milliseconds from 0"
                + " to 60000");
    assertThatThrownBy(() -> SandboxOptions.parse("--latency-ms", "60001"))
        .hasMessage(
            "invalid value for --latency-ms: '60001' is not a whole number of milliseconds from 0"
                + " to 60000");
    assertThatThrownBy(() -> SandboxOptions.parse("--latency-ms"))
        .hasMessage("option --latency-ms needs a value");
  }

  @Test
  void helpWinsOverOtherFlags() {
    SandboxOptions options = SandboxOptions.parse("--port", "1", "--help", "--bogus");

    assertThat(options.help()).isTrue();
    assertThat(SandboxOptions.USAGE).contains("--port N", "--seed S", "--state-file PATH");
  }

  @Test
  void invalidPortIsRejectedWithItsValue() {
    assertThatThrownBy(() -> SandboxOptions.parse("--port", "abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid value for --port: 'abc' is not a port number from 0 to 65535");
    assertThatThrownBy(() -> SandboxOptions.parse("--port=70000"))
        .hasMessage("invalid value for --port: '70000' is not a port number from 0 to 65535");
    assertThatThrownBy(() -> SandboxOptions.parse("--port", "-1"))
        .hasMessage("invalid value for --port: '-1' is not a port number from 0 to 65535");
  }

  @Test
  void invalidSeedIsRejectedWithItsValue() {
    assertThatThrownBy(() -> SandboxOptions.parse("--seed", "4.2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid value for --seed: '4.2' is not a whole number");
  }

  @Test
  void missingValueAndUnknownFlagAreRejected() {
    assertThatThrownBy(() -> SandboxOptions.parse("--state-file"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option --state-file needs a value");
    assertThatThrownBy(() -> SandboxOptions.parse("--state-file="))
        .hasMessage("invalid value for --state-file: the path is empty");
    assertThatThrownBy(() -> SandboxOptions.parse("--verbose"))
        .hasMessage("unknown option '--verbose'; run with --help to list the options");
  }
}
