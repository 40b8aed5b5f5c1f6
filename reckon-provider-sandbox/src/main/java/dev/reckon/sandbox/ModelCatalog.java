package dev.reckon.sandbox;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The models the sandbox serves and the rates at which it bills them. */
final class ModelCatalog {

  /** A fine-tuned model id, which no price table lists, so clients show it as unpriced. */
  static final String FINE_TUNED_MODEL = "ft:gpt-4.1-mini-2025-04-14:sandbox::FAKE01";

  static final String HIGH_VOLUME_MODEL = "gpt-4o-mini-2024-07-18";

  static final String LONG_CONTEXT_MODEL = "claude-sonnet-4-5-20250929";

  // OpenAI bills cache writes as ordinary input, so the write rates repeat the input rate.
  static final List<ModelRate> OPENAI =
      List.of(
          ModelRate.of("gpt-4.1-2025-04-14", "GPT-4.1", "1.84", "0.46", "1.84", "1.84", "7.36"),
          ModelRate.of(
              "gpt-4.1-mini-2025-04-14",
              "GPT-4.1 mini",
              "0.368",
              "0.092",
              "0.368",
              "0.368",
              "1.472"),
          ModelRate.of(
              HIGH_VOLUME_MODEL, "GPT-4o mini", "0.138", "0.069", "0.138", "0.138", "0.552"),
          ModelRate.of(
              "o4-mini-2025-04-16", "o4-mini", "1.012", "0.253", "1.012", "1.012", "4.048"),
          ModelRate.of("gpt-5-2025-08-07", "GPT-5", "1.15", "0.115", "1.15", "1.15", "9.20"),
          ModelRate.of(
              FINE_TUNED_MODEL,
              "GPT-4.1 mini fine-tuned",
              "0.736",
              "0.184",
              "0.736",
              "0.736",
              "2.944"));

  static final List<ModelRate> ANTHROPIC =
      List.of(
          ModelRate.of(
              LONG_CONTEXT_MODEL, "Claude Sonnet 4.5", "2.76", "0.276", "3.45", "5.52", "13.80"),
          ModelRate.of(
              "claude-haiku-4-5-20251001",
              "Claude Haiku 4.5",
              "0.92",
              "0.092",
              "1.15",
              "1.84",
              "4.60"),
          ModelRate.of(
              "claude-opus-4-1-20250805",
              "Claude Opus 4.1",
              "13.80",
              "1.38",
              "17.25",
              "27.60",
              "69.00"),
          ModelRate.of(
              "claude-3-5-haiku-20241022",
              "Claude Haiku 3.5",
              "0.736",
              "0.0736",
              "0.92",
              "1.472",
              "3.68"));

  private static final Map<String, ModelRate> BY_MODEL =
      Stream.concat(OPENAI.stream(), ANTHROPIC.stream())
          .collect(Collectors.toUnmodifiableMap(ModelRate::model, Function.identity()));

  private ModelCatalog() {}

  static ModelRate rate(String model) {
    ModelRate rate = BY_MODEL.get(model);
    if (rate == null) {
      throw new IllegalArgumentException(
          "'model' is not in the sandbox catalog (was " + model + ")");
    }
    return rate;
  }

  static List<String> openAiModelIds() {
    return OPENAI.stream().map(ModelRate::model).toList();
  }

  static List<String> anthropicModelIds() {
    return ANTHROPIC.stream().map(ModelRate::model).toList();
  }
}
