package dev.reckon.sandbox;

/** Seeded traffic profiles for the kinds of usage streams the sandbox generates. */
final class ActivityProfiles {

  /**
   * A nightly batch job large enough that its organization's daily input exceeds 2^31 tokens on
   * some days, which catches clients that store token counts in 32-bit integers. It is fixed, not
   * seeded, so every seed has such days.
   */
  static final ActivityProfile HIGH_VOLUME_BATCH =
      new ActivityProfile(0.97, 30_000, 8_000, 350, 0.25, 0, 0, 0, true);

  private ActivityProfiles() {}

  static ActivityProfile interactive(SeededRandom random, SandboxProvider provider) {
    boolean anthropic = provider == SandboxProvider.ANTHROPIC;
    double cacheWrite1hShare = anthropic && random.chance(0.4) ? random.between(0.1, 0.6) : 0;
    double webSearches = anthropic && random.chance(0.3) ? random.between(0.02, 0.3) : 0;
    return new ActivityProfile(
        random.between(0.35, 0.9),
        random.logUniform(10, 800),
        random.logUniform(400, 9_000),
        random.logUniform(80, 1_500),
        random.between(0.0, 0.7),
        anthropic ? random.between(0.0, 0.15) : random.between(0.0, 0.04),
        cacheWrite1hShare,
        webSearches,
        false);
  }

  static ActivityProfile batch(SeededRandom random) {
    return new ActivityProfile(
        random.between(0.6, 0.95),
        random.logUniform(50, 2_000),
        random.logUniform(500, 4_000),
        random.logUniform(100, 800),
        random.between(0.0, 0.3),
        0,
        0,
        0,
        true);
  }

  /** Occasional manual use in the OpenAI Playground or the Anthropic Workbench. */
  static ActivityProfile console(SeededRandom random) {
    return new ActivityProfile(
        random.between(0.15, 0.3),
        random.logUniform(1, 8),
        random.logUniform(300, 3_000),
        random.logUniform(100, 1_000),
        0,
        0,
        0,
        0,
        false);
  }

  /** Requests whose input is above 200k tokens, billed at Anthropic's long-context rates. */
  static ActivityProfile longContext(SeededRandom random) {
    return new ActivityProfile(
        random.between(0.2, 0.5),
        random.logUniform(1, 6),
        random.logUniform(300_000, 700_000),
        random.logUniform(1_000, 6_000),
        random.between(0.3, 0.8),
        random.between(0.0, 0.1),
        0,
        0,
        false);
  }
}
