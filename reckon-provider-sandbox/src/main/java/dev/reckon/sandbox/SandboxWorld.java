package dev.reckon.sandbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The seeded organizations and their usage and cost history, which every response of the sandbox is
 * computed from. Tests compare what a client stored with {@link #dailyTokens} and {@link
 * #dailyCostUsd}.
 */
public final class SandboxWorld {

  private final long seed;
  private final Clock clock;
  private final List<Organization> organizations;
  private final UsageGenerator generator;
  private final String openAiProjectKey;
  private final String anthropicWorkspaceKey;

  private SandboxWorld(long seed, Clock clock) {
    this.seed = seed;
    this.clock = clock;
    this.generator = new UsageGenerator(seed);

    List<Organization> built = new ArrayList<>();
    for (int index = 0; index < OpenAiOrganizations.COUNT; index++) {
      built.add(OpenAiOrganizations.build(seed, index));
    }
    for (int index = 0; index < AnthropicOrganizations.COUNT; index++) {
      built.add(AnthropicOrganizations.build(seed, index));
    }
    this.organizations = List.copyOf(built);

    SeededRandom random = new SeededRandom(Hashing.hash(seed, 3));
    this.openAiProjectKey = "sk-proj-sandbox-" + random.alphanumeric(32);
    this.anthropicWorkspaceKey = "sk-ant-api03-sandbox-" + random.alphanumeric(32);
  }

  /** Builds the world of a seed; "now" comes from the clock at each call. */
  public static SandboxWorld create(long seed, Clock clock) {
    return new SandboxWorld(seed, clock);
  }

  /** Returns the seed the world was built from. */
  public long seed() {
    return seed;
  }

  /** Returns the admin keys, OpenAI first, one per organization. */
  public List<SandboxAdminKey> adminKeys() {
    return organizations.stream().map(Organization::adminKeyEntry).toList();
  }

  /**
   * Returns the provider's non-admin key (an OpenAI project key or an Anthropic workspace key),
   * which every admin endpoint rejects with status 403.
   */
  public String nonAdminKey(SandboxProvider provider) {
    return provider == SandboxProvider.OPENAI ? openAiProjectKey : anthropicWorkspaceKey;
  }

  /** Returns the first hour with usage: 400 days before the current hour. */
  public Instant historyStart() {
    return Instant.ofEpochSecond(history().start());
  }

  /** Returns the start of the current hour, the exclusive end of the usage history. */
  public Instant historyEnd() {
    return Instant.ofEpochSecond(history().end());
  }

  /**
   * Returns the usage of one UTC day by model, the numbers that every usage response for that day
   * must add up to. Today counts only the hours before the current one.
   */
  public SortedMap<String, TokenTotals> dailyTokens(String organizationId, LocalDate day) {
    SortedMap<String, TokenTotals> byModel = new TreeMap<>();
    for (UsageRecord record : records(organization(organizationId), dayBucket(day), history())) {
      byModel.merge(record.stream().model(), record.totals(), TokenTotals::plus);
    }
    return byModel;
  }

  /** Returns the billed cost of one UTC day in US dollars, exactly as the cost endpoint sums it. */
  public BigDecimal dailyCostUsd(String organizationId, LocalDate day) {
    Organization org = organization(organizationId);
    BigDecimal total = BigDecimal.ZERO.setScale(CostLine.SCALE);
    for (CostLine line : costLines(org, dayBucket(day), history())) {
      total = total.add(line.amount());
    }
    return org.provider() == SandboxProvider.ANTHROPIC ? total.movePointLeft(2) : total;
  }

  Instant now() {
    return clock.instant();
  }

  History history() {
    return History.at(now());
  }

  List<Organization> organizations() {
    return organizations;
  }

  Optional<Organization> organizationByAdminKey(SandboxProvider provider, String key) {
    return organizations.stream()
        .filter(org -> org.provider() == provider && org.adminKey().equals(key))
        .findFirst();
  }

  /** Returns the usage records of the history hours that start inside the bucket. */
  List<UsageRecord> records(Organization org, Bucket bucket, History history) {
    List<UsageRecord> records = new ArrayList<>();
    long from = Math.max(Bucket.alignUp(bucket.start(), Bucket.HOUR), history.start());
    long to = Math.min(bucket.end(), history.end());
    for (long hour = from; hour < to; hour += Bucket.HOUR) {
      for (UsageStream stream : org.streams()) {
        long hourStart = hour;
        generator
            .hour(org, stream, hourStart)
            .ifPresent(totals -> records.add(new UsageRecord(stream, hourStart, totals)));
      }
    }
    return records;
  }

  List<CostLine> costLines(Organization org, Bucket bucket, History history) {
    List<UsageRecord> records = records(org, bucket, history);
    if (org.provider() == SandboxProvider.OPENAI) {
      return OpenAiCostLines.of(org, bucket, records, history);
    }
    return AnthropicCostLines.of(records);
  }

  private Organization organization(String organizationId) {
    return organizations.stream()
        .filter(org -> org.id().equals(organizationId))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'organizationId' is not a sandbox organization (was " + organizationId + ")"));
  }

  private static Bucket dayBucket(LocalDate day) {
    long start = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    return new Bucket(start, start + Bucket.DAY);
  }
}
