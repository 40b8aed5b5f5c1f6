package dev.reckon.ports.in;

import dev.reckon.domain.shared.OrgId;
import java.util.Objects;

/**
 * An admin's request to delete every row of the organization.
 *
 * @param orgId the caller's organization, from the verified session
 * @param confirmSlug the organization's slug as the admin typed it, to confirm the request. Any
 *     text is accepted here because the use case compares it with the stored slug.
 */
public record RequestDataDeletionCommand(OrgId orgId, String confirmSlug) {

  public RequestDataDeletionCommand {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(confirmSlug, "confirmSlug");
  }
}
