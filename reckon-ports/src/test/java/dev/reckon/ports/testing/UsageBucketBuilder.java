package dev.reckon.ports.testing;

import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.usage.BucketWidth;
import dev.reckon.domain.usage.TokenCounts;
import dev.reckon.domain.usage.UsageBucket;
import java.time.Instant;

/** Builds usage buckets for tests, starting from a valid hourly OpenAI bucket. */
public final class UsageBucketBuilder {

  private Provider provider = Provider.OPENAI;
  private Instant start = Instant.parse("2026-03-01T10:00:00Z");
  private BucketWidth width = BucketWidth.HOUR;
  private String model = "gpt-4o";
  private String project = "proj_test";
  private String apiKey = "key_test";
  private String serviceTier = "default";
  private TokenCounts tokens = new TokenCounts(100, 20, 3, 4, 50);
  private Long requests = 2L;

  private UsageBucketBuilder() {}

  public static UsageBucketBuilder usage() {
    return new UsageBucketBuilder();
  }

  public UsageBucketBuilder provider(Provider value) {
    provider = value;
    return this;
  }

  public UsageBucketBuilder at(String isoInstant) {
    start = Instant.parse(isoInstant);
    return this;
  }

  public UsageBucketBuilder at(Instant value) {
    start = value;
    return this;
  }

  public UsageBucketBuilder daily() {
    width = BucketWidth.DAY;
    return this;
  }

  public UsageBucketBuilder model(String value) {
    model = value;
    return this;
  }

  public UsageBucketBuilder project(String value) {
    project = value;
    return this;
  }

  public UsageBucketBuilder apiKey(String value) {
    apiKey = value;
    return this;
  }

  public UsageBucketBuilder serviceTier(String value) {
    serviceTier = value;
    return this;
  }

  public UsageBucketBuilder tokens(
      long uncachedInput, long cachedInput, long cacheWrite5m, long cacheWrite1h, long output) {
    tokens = new TokenCounts(uncachedInput, cachedInput, cacheWrite5m, cacheWrite1h, output);
    return this;
  }

  /** Sets uncached input and output tokens, the other counts zero. */
  public UsageBucketBuilder tokens(long uncachedInput, long output) {
    return tokens(uncachedInput, 0, 0, 0, output);
  }

  public UsageBucketBuilder requests(Long value) {
    requests = value;
    return this;
  }

  public UsageBucket build() {
    return new UsageBucket(
        provider, start, width, model, project, apiKey, serviceTier, tokens, requests);
  }
}
