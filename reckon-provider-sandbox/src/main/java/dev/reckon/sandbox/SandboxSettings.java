package dev.reckon.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one sandbox instance.
 *
 * @param port the loopback port to bind, or 0 for any free port
 * @param seed the seed from which every organization, key and usage number is derived
 * @param clock the source of "now": history ends at its current hour and later windows are rejected
 * @param latency how long every response waits before it is sent, like a distant provider. Each
 *     request waits on its own, so the waits of concurrent requests overlap.
 */
public record SandboxSettings(int port, long seed, Clock clock, Duration latency) {

  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 42;

  /**
   * The maximum latency: one minute, the call timeout of Reckon's production provider client, so
   * any longer wait could only time out.
   */
  public static final Duration MAX_LATENCY = Duration.ofMinutes(1);

  public SandboxSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("'port' must be between 0 and 65535 (was " + port + ")");
    }
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative() || latency.compareTo(MAX_LATENCY) > 0) {
      throw new IllegalArgumentException(
          "'latency' must be from 0 to " + MAX_LATENCY.toMillis() + " ms (was " + latency + ")");
    }
  }

  /** Creates settings whose responses are sent without added latency. */
  public SandboxSettings(int port, long seed, Clock clock) {
    this(port, seed, clock, Duration.ZERO);
  }

  /** Returns settings with any free port, seed 42, the system clock and no added latency. */
  public static SandboxSettings defaults() {
    return new SandboxSettings(0, DEFAULT_SEED, Clock.systemUTC(), Duration.ZERO);
  }

  /** Returns a copy with another port. */
  public SandboxSettings withPort(int newPort) {
    return new SandboxSettings(newPort, seed, clock, latency);
  }

  /** Returns a copy with another seed. */
  public SandboxSettings withSeed(long newSeed) {
    return new SandboxSettings(port, newSeed, clock, latency);
  }

  /** Returns a copy with another clock. */
  public SandboxSettings withClock(Clock newClock) {
    return new SandboxSettings(port, seed, newClock, latency);
  }

  /** Returns a copy whose responses each wait {@code newLatency} before they are sent. */
  public SandboxSettings withLatency(Duration newLatency) {
    return new SandboxSettings(port, seed, clock, newLatency);
  }
}
