package dev.reckon.domain.report;

import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.usage.TokenCounts;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Token usage summed over one day in the organization's time zone for one provider, model, project
 * and API key. {@code requests} is null when the provider reports no request count.
 */
public record DailyUsage(
    LocalDate day,
    Provider provider,
    String model,
    String project,
    String apiKey,
    TokenCounts tokens,
    Long requests) {

  public DailyUsage {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(tokens, "tokens");
  }
}
