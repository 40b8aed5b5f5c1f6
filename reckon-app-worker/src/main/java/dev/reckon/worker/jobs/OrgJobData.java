package dev.reckon.worker.jobs;

import dev.reckon.domain.shared.OrgId;
import java.util.UUID;

/** The task data of a job about one organization, stored as JSON: its id and nothing else. */
public record OrgJobData(String orgId) {

  static OrgJobData of(OrgId orgId) {
    return new OrgJobData(orgId.value().toString());
  }

  OrgId org() {
    return new OrgId(UUID.fromString(orgId));
  }
}
