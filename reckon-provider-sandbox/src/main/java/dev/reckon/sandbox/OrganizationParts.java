package dev.reckon.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Seeded pieces shared by the OpenAI and Anthropic organization builders. */
final class OrganizationParts {

  /** Structure dates are fixed, not taken from the clock, so history never depends on it. */
  static final Instant CREATED_FROM = Instant.parse("2024-04-01T00:00:00Z");

  static final Instant ARCHIVED_FROM = Instant.parse("2025-09-01T00:00:00Z");
  static final Instant RETIRED_FROM = Instant.parse("2026-01-05T00:00:00Z");

  static final List<String> PEOPLE =
      List.of(
          "Alice Moreau",
          "Bilal Haddad",
          "Chen Wei",
          "Dana Kowalski",
          "Emeka Obi",
          "Farah Nasser",
          "Goran Petrov",
          "Hana Sato");

  static final List<String> PROJECT_NAMES =
      List.of(
          "Support Assistant",
          "Search Ranking",
          "Data Pipeline",
          "Internal Tools",
          "Marketing Copy",
          "Code Review Bot",
          "Evaluation Harness");

  static final List<String> KEY_NAMES =
      List.of(
          "prod-backend",
          "staging",
          "batch-jobs",
          "ci-tests",
          "notebooks",
          "mobile-app",
          "etl-worker",
          "support-widget");

  private OrganizationParts() {}

  static Instant createdAt(SeededRandom random) {
    return random.instantWithin(CREATED_FROM, Duration.ofDays(120));
  }

  static List<Member> members(SeededRandom random, String idPrefix, int idLength) {
    List<Member> members = new ArrayList<>();
    for (String name : random.pickDistinct(PEOPLE, random.between(2, 4))) {
      String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com";
      String role = members.isEmpty() ? "owner" : "reader";
      String id = idPrefix + random.alphanumeric(idLength);
      members.add(new Member(id, name, email, role, createdAt(random)));
    }
    return List.copyOf(members);
  }

  static Instant earliest(Instant first, Instant second) {
    if (first == null) {
      return second;
    }
    if (second == null) {
      return first;
    }
    return first.isBefore(second) ? first : second;
  }
}
