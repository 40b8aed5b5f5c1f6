package dev.reckon.ports.testing;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.ports.out.UsageRetentionRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link UsageRetentionRepository} in memory, for tests. Thread-safe. It stores only the start of
 * each bucket, which is all retention looks at, and counts the calls it receives.
 */
public final class InMemoryUsageRetentionRepository implements UsageRetentionRepository {

  private final Map<OrgId, List<Instant>> usage = new HashMap<>();
  private final Map<OrgId, List<Instant>> costs = new HashMap<>();
  private int calls;

  /** Stores one usage bucket per start. */
  public synchronized void addUsage(OrgId orgId, Instant... starts) {
    usage.computeIfAbsent(orgId, id -> new ArrayList<>()).addAll(List.of(starts));
  }

  /** Stores one cost bucket per start. */
  public synchronized void addCosts(OrgId orgId, Instant... starts) {
    costs.computeIfAbsent(orgId, id -> new ArrayList<>()).addAll(List.of(starts));
  }

  public synchronized List<Instant> usageStarts(OrgId orgId) {
    return sorted(usage.get(orgId));
  }

  public synchronized List<Instant> costStarts(OrgId orgId) {
    return sorted(costs.get(orgId));
  }

  /** Returns how many delete calls this repository received. */
  public synchronized int calls() {
    return calls;
  }

  @Override
  public synchronized int deleteUsageBefore(OrgId orgId, Instant cutoff, int limit) {
    return deleteBefore(usage, orgId, cutoff, limit);
  }

  @Override
  public synchronized int deleteCostsBefore(OrgId orgId, Instant cutoff, int limit) {
    return deleteBefore(costs, orgId, cutoff, limit);
  }

  private int deleteBefore(Map<OrgId, List<Instant>> rows, OrgId orgId, Instant cutoff, int limit) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(cutoff, "cutoff");
    if (limit < 1) {
      throw new IllegalArgumentException("'limit' must be at least 1 (was " + limit + ")");
    }
    calls++;
    int deleted = 0;
    Iterator<Instant> starts = rows.getOrDefault(orgId, new ArrayList<>()).iterator();
    while (deleted < limit && starts.hasNext()) {
      if (starts.next().isBefore(cutoff)) {
        starts.remove();
        deleted++;
      }
    }
    return deleted;
  }

  private static List<Instant> sorted(List<Instant> starts) {
    return starts == null ? List.of() : starts.stream().sorted().toList();
  }
}
