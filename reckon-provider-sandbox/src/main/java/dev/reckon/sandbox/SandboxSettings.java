package dev.reckon.sandbox;

import java.time.Clock;
import java.util.Objects;

/**
 * Settings of one sandbox instance.
 *
 * @param port the loopback port to bind, or 0 for any free port
 * @param seed the seed from which every organization, key and usage number is derived
 * @param clock the source of "now": history ends at its current hour and later windows are rejected
 */
public record SandboxSettings(int port, long seed, Clock clock) {

  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 42;

  public SandboxSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("'port' must be between 0 and 65535 (was " + port + ")");
    }
    Objects.requireNonNull(clock, "clock");
  }

  /** Returns settings with any free port, seed 42 and the system clock. */
  public static SandboxSettings defaults() {
    return new SandboxSettings(0, DEFAULT_SEED, Clock.systemUTC());
  }

  /** Returns a copy with another port. */
  public SandboxSettings withPort(int newPort) {
    return new SandboxSettings(newPort, seed, clock);
  }

  /** Returns a copy with another seed. */
  public SandboxSettings withSeed(long newSeed) {
    return new SandboxSettings(port, newSeed, clock);
  }

  /** Returns a copy with another clock. */
  public SandboxSettings withClock(Clock newClock) {
    return new SandboxSettings(port, seed, newClock);
  }
}
