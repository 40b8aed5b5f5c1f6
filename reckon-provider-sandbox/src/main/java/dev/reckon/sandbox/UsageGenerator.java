package dev.reckon.sandbox;

import java.util.Optional;

/**
 * Computes the usage of one stream in one hour as a pure function of the seed, the organization,
 * the stream and the hour, so the same hour gives the same numbers whenever and in whatever order
 * it is asked for.
 */
final class UsageGenerator {

  private static final long HOUR = 3_600;
  private static final long DAY = 86_400;

  private final long seed;

  UsageGenerator(long seed) {
    this.seed = seed;
  }

  /** Returns the stream's usage in the hour starting at {@code hourStart}, or empty if idle. */
  Optional<TokenTotals> hour(Organization org, UsageStream stream, long hourStart) {
    if (!stream.isActiveAt(hourStart)) {
      return Optional.empty();
    }
    ActivityProfile profile = stream.profile();
    double busyness = busyness(org, hourStart, profile.nightly());
    double chance = Math.min(0.97, profile.density() * busyness);
    if (draw(org, stream, hourStart, 0) >= chance) {
      return Optional.empty();
    }

    double volume = busyness * (0.5 + draw(org, stream, hourStart, 1));
    long requests = Math.max(1, Math.round(profile.requestsPerHour() * volume));
    double inputScale = 0.7 + 0.6 * draw(org, stream, hourStart, 2);
    long input = Math.round(requests * profile.inputPerRequest() * inputScale);
    long cacheRead = (long) (input * profile.cacheReadShare() * draw(org, stream, hourStart, 3));
    double writeShare = profile.cacheWriteShare() * draw(org, stream, hourStart, 4);
    long cacheWrite = (long) ((input - cacheRead) * writeShare);
    long cacheWrite1h = (long) (cacheWrite * profile.cacheWrite1hShare());
    double outputScale = 0.6 + 0.8 * draw(org, stream, hourStart, 5);
    long output = Math.round(requests * profile.outputPerRequest() * outputScale);
    double searchShare = profile.webSearchesPerRequest() * draw(org, stream, hourStart, 6);
    long webSearches = (long) (requests * searchShare);

    // Anthropic's messages usage report has no request count.
    long reportedRequests = org.provider() == SandboxProvider.OPENAI ? requests : 0;
    return Optional.of(
        new TokenTotals(
            input - cacheRead - cacheWrite,
            cacheRead,
            cacheWrite - cacheWrite1h,
            cacheWrite1h,
            output,
            reportedRequests,
            webSearches));
  }

  /** Returns how busy the hour is, from about 0.003 (a quiet night) to 1.25 (a peak hour). */
  private double busyness(Organization org, long hourStart, boolean nightly) {
    long localSecond = hourStart + org.utcOffsetHours() * HOUR;
    long localDay = Math.floorDiv(localSecond, DAY);
    int localHour = (int) (Math.floorMod(localSecond, DAY) / HOUR);
    // Day 0 of the epoch was a Thursday, so this counts Monday as 0.
    boolean weekend = Math.floorMod(localDay + 3, 7) >= 5;

    double hourFactor = nightly ? nightShape(localHour) : workdayShape(localHour);
    double weekFactor = weekend && !nightly ? 0.15 : 1.0;
    return hourFactor * weekFactor * dayLevel(org, Math.floorDiv(hourStart, DAY));
  }

  private static double workdayShape(int localHour) {
    if (localHour >= 9 && localHour <= 17) {
      return 1.0;
    }
    if (localHour == 8 || localHour == 18 || localHour == 19) {
      return 0.5;
    }
    if (localHour == 7 || localHour == 20 || localHour == 21) {
      return 0.25;
    }
    return 0.06;
  }

  private static double nightShape(int localHour) {
    return localHour >= 22 || localHour <= 6 ? 1.0 : 0.2;
  }

  /** Returns the level of a whole day: a slow seasonal wave, with rare near-silent days. */
  private double dayLevel(Organization org, long epochDay) {
    double quiet = Hashing.unit(seed, org.provider().ordinal(), org.index(), epochDay, 99);
    if (quiet < 0.03) {
      return 0.05;
    }
    // StrictMath gives the same bits on every platform, so the numbers never drift.
    return 1.0 + 0.25 * StrictMath.sin(2 * StrictMath.PI * epochDay / 61.0 + org.index());
  }

  private double draw(Organization org, UsageStream stream, long hourStart, int salt) {
    return Hashing.unit(
        seed, org.provider().ordinal(), org.index(), stream.index(), hourStart, salt);
  }
}
