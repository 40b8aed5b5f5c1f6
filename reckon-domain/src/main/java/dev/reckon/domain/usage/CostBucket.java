package dev.reckon.domain.usage;

import dev.reckon.domain.shared.Money;
import dev.reckon.domain.shared.Provider;
import java.time.Instant;
import java.util.Objects;

/**
 * Money a provider's cost endpoint billed for one UTC day and one combination of project (OpenAI
 * project or Anthropic workspace), line item and, where the provider reports them, model, token
 * type and service tier.
 *
 * <p>The line item is the provider's own label (OpenAI {@code line_item}, Anthropic {@code
 * description}) stored verbatim and never parsed. Dimension values are never null.
 */
public record CostBucket(
    Provider provider,
    Instant start,
    String project,
    String lineItem,
    String model,
    String tokenType,
    String serviceTier,
    Money amount) {

  public CostBucket {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(amount, "amount");
    if (!BucketWidth.DAY.isAligned(start)) {
      throw new IllegalArgumentException("'start' must be at a UTC midnight (was " + start + ")");
    }
    project = Attribution.orNone(project);
    lineItem = Attribution.orNone(lineItem);
    model = Attribution.orNone(model);
    tokenType = Attribution.orNone(tokenType);
    serviceTier = Attribution.orNone(serviceTier);
  }

  public Instant end() {
    return start.plus(BucketWidth.DAY.length());
  }

  /** Returns the dimensions that identify this bucket within one provider key's data. */
  public Key key() {
    return new Key(start, project, lineItem, model, tokenType, serviceTier);
  }

  /** Returns a bucket with the same key whose amount is the sum of both. */
  public CostBucket plus(CostBucket other) {
    if (!key().equals(other.key())) {
      throw new IllegalArgumentException("cannot add cost buckets with different keys");
    }
    return new CostBucket(
        provider,
        start,
        project,
        lineItem,
        model,
        tokenType,
        serviceTier,
        amount.plus(other.amount));
  }

  /** Identity of a cost bucket for upserts. */
  public record Key(
      Instant start,
      String project,
      String lineItem,
      String model,
      String tokenType,
      String serviceTier) {}
}
