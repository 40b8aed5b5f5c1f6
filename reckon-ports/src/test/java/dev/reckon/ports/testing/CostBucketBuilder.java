package dev.reckon.ports.testing;

import dev.reckon.domain.shared.Money;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.usage.CostBucket;
import java.time.Instant;

/** Builds cost buckets for tests, starting from a valid daily OpenAI bucket. */
public final class CostBucketBuilder {

  private Provider provider = Provider.OPENAI;
  private Instant start = Instant.parse("2026-03-01T00:00:00Z");
  private String project = "proj_test";
  private String lineItem = "gpt-4o, input";
  private String model = "gpt-4o";
  private String tokenType = "input";
  private String serviceTier = "default";
  private Money amount = Money.usd("1.25");

  private CostBucketBuilder() {}

  public static CostBucketBuilder cost() {
    return new CostBucketBuilder();
  }

  public CostBucketBuilder provider(Provider value) {
    provider = value;
    return this;
  }

  public CostBucketBuilder at(String isoInstant) {
    start = Instant.parse(isoInstant);
    return this;
  }

  public CostBucketBuilder project(String value) {
    project = value;
    return this;
  }

  public CostBucketBuilder lineItem(String value) {
    lineItem = value;
    return this;
  }

  public CostBucketBuilder model(String value) {
    model = value;
    return this;
  }

  public CostBucketBuilder tokenType(String value) {
    tokenType = value;
    return this;
  }

  public CostBucketBuilder usd(String value) {
    amount = Money.usd(value);
    return this;
  }

  public CostBucketBuilder amount(Money value) {
    amount = value;
    return this;
  }

  public CostBucket build() {
    return new CostBucket(
        provider, start, project, lineItem, model, tokenType, serviceTier, amount);
  }
}
