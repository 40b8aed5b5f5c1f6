package dev.reckon.domain.usage;

import dev.reckon.domain.shared.Provider;
import java.time.Instant;
import java.util.Objects;

/**
 * Tokens and requests a provider reported for one time bucket and one combination of model, project
 * (OpenAI project or Anthropic workspace), API key and service tier.
 *
 * <p>Dimension values are never null: a null from the provider becomes {@link Attribution#NONE}.
 * {@code requests} is null when the provider does not report a request count (Anthropic's usage
 * report has none).
 */
public record UsageBucket(
    Provider provider,
    Instant start,
    BucketWidth width,
    String model,
    String project,
    String apiKey,
    String serviceTier,
    TokenCounts tokens,
    Long requests) {

  public UsageBucket {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(width, "width");
    Objects.requireNonNull(tokens, "tokens");
    if (!width.isAligned(start)) {
      throw new IllegalArgumentException(
          "'start' must be aligned to " + width.wireName() + " (was " + start + ")");
    }
    model = Attribution.orNone(model);
    project = Attribution.orNone(project);
    apiKey = Attribution.orNone(apiKey);
    serviceTier = Attribution.orNone(serviceTier);
    if (requests != null && requests < 0) {
      throw new IllegalArgumentException("'requests' must not be negative (was " + requests + ")");
    }
  }

  public Instant end() {
    return start.plus(width.length());
  }

  /** Returns the dimensions that identify this bucket within one provider key's data. */
  public Key key() {
    return new Key(start, width, model, project, apiKey, serviceTier);
  }

  /** Returns a bucket with the same key whose counts are the sum of both. */
  public UsageBucket plus(UsageBucket other) {
    if (!key().equals(other.key())) {
      throw new IllegalArgumentException("cannot add buckets with different keys");
    }
    Long sum =
        requests == null && other.requests == null
            ? null
            : orZero(requests) + orZero(other.requests);
    return new UsageBucket(
        provider,
        start,
        width,
        model,
        project,
        apiKey,
        serviceTier,
        tokens.plus(other.tokens),
        sum);
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  /** Identity of a usage bucket for upserts. */
  public record Key(
      Instant start,
      BucketWidth width,
      String model,
      String project,
      String apiKey,
      String serviceTier) {}
}
