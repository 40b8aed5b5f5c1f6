package dev.reckon.worker.jobs;

import dev.reckon.domain.shared.OrgId;
import java.util.HashMap;
import java.util.Map;

/**
 * Limits how many jobs of one organization a worker process runs at the same time, so that an
 * organization with many keys cannot take every thread.
 */
final class OrganizationSlots {

  private final int maxPerOrganization;
  private final Map<OrgId, Integer> running = new HashMap<>();

  OrganizationSlots(int maxPerOrganization) {
    this.maxPerOrganization = maxPerOrganization;
  }

  /** Takes a slot of {@code orgId} and returns true, or returns false when all are taken. */
  synchronized boolean tryAcquire(OrgId orgId) {
    int inUse = running.getOrDefault(orgId, 0);
    if (inUse >= maxPerOrganization) {
      return false;
    }
    running.put(orgId, inUse + 1);
    return true;
  }

  synchronized void release(OrgId orgId) {
    int inUse = running.getOrDefault(orgId, 0);
    if (inUse <= 1) {
      running.remove(orgId);
    } else {
      running.put(orgId, inUse - 1);
    }
  }

  synchronized int inUse(OrgId orgId) {
    return running.getOrDefault(orgId, 0);
  }
}
