package dev.reckon.ports.testing;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.ports.out.OrganizationDataEraser;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link OrganizationDataEraser} in memory, for tests. Thread-safe. It stores how many rows of
 * each kind an organization has, and deletes the organization itself from an {@link
 * InMemoryOrganizationRepository}. Unlike the database, deleting provider keys leaves their
 * watermarks alone.
 */
public final class InMemoryOrganizationDataEraser implements OrganizationDataEraser {

  private final InMemoryOrganizationRepository organizations;
  private final Map<OrgId, Map<TenantData, Long>> rows = new HashMap<>();
  private int batches;

  public InMemoryOrganizationDataEraser(InMemoryOrganizationRepository organizations) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
  }

  /** Adds {@code count} rows of every kind to the organization. */
  public synchronized void addRows(OrgId orgId, long count) {
    for (TenantData kind : TenantData.values()) {
      addRows(orgId, kind, count);
    }
  }

  public synchronized void addRows(OrgId orgId, TenantData kind, long count) {
    rows.computeIfAbsent(orgId, id -> new EnumMap<>(TenantData.class))
        .merge(kind, count, Long::sum);
  }

  /** Returns how many rows of each kind the organization has, every kind present. */
  public synchronized Map<TenantData, Long> remaining(OrgId orgId) {
    Map<TenantData, Long> counts = new EnumMap<>(TenantData.class);
    for (TenantData kind : TenantData.values()) {
      counts.put(kind, rows.getOrDefault(orgId, Map.of()).getOrDefault(kind, 0L));
    }
    return counts;
  }

  /** Returns how many {@link #deleteBatch} calls this eraser received. */
  public synchronized int batches() {
    return batches;
  }

  @Override
  public synchronized int deleteBatch(OrgId orgId, TenantData kind, int limit) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(kind, "kind");
    if (limit < 1) {
      throw new IllegalArgumentException("'limit' must be at least 1 (was " + limit + ")");
    }
    batches++;
    Map<TenantData, Long> counts = rows.get(orgId);
    if (counts == null) {
      return 0;
    }
    long stored = counts.getOrDefault(kind, 0L);
    int deleted = (int) Math.min(stored, limit);
    counts.put(kind, stored - deleted);
    return deleted;
  }

  @Override
  public synchronized boolean deleteOrganization(OrgId orgId) {
    Objects.requireNonNull(orgId, "orgId");
    return organizations.remove(orgId);
  }
}
