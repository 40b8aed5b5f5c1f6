package dev.reckon.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.ports.in.RequestDataDeletionCommand;
import dev.reckon.ports.in.RequestDataDeletionUseCase;
import dev.reckon.ports.in.RequestDataDeletionUseCase.Outcome;
import dev.reckon.ports.in.RequestDataDeletionUseCase.Scheduled;
import dev.reckon.ports.in.RequestDataDeletionUseCase.SlugMismatch;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records an admin's request to delete all of the organization's data, confirmed by typing the
 * organization's slug. A worker job does the deleting later.
 */
final class DataDeletionRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(DataDeletionRoutes.class);

  static final String CONFIRM_FIELD = "confirm_slug";
  static final String SCHEDULED_NOTE =
      "All data of this organization, its provider keys included, will be deleted by a background"
          + " job. This cannot be undone.";

  private final RequestDataDeletionUseCase deletion;

  DataDeletionRoutes(RequestDataDeletionUseCase deletion) {
    this.deletion = deletion;
  }

  void request(Context ctx) {
    String confirmSlug = confirmSlug(RequestBodies.readJson(ctx));
    OrgId orgId = AccessFilter.organization(ctx).id();

    Outcome outcome = deletion.requestDeletion(new RequestDataDeletionCommand(orgId, confirmSlug));

    // The expected slug is the caller's own organization's, which any member may read. The typed
    // text is never repeated.
    if (outcome instanceof SlugMismatch mismatch) {
      throw ProblemException.validation(
          "'"
              + CONFIRM_FIELD
              + "' does not match this organization's slug: set it to "
              + mismatch.expected()
              + " exactly");
    }
    Scheduled scheduled = (Scheduled) outcome;
    LOG.info("data deletion requested org_id={} requested_at={}", orgId, scheduled.requestedAt());
    Json.write(
        ctx,
        202,
        new ScheduledJson("scheduled", scheduled.requestedAt().toString(), SCHEDULED_NOTE));
  }

  private static String confirmSlug(byte[] body) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw RequestBodies.malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse the request body", e);
    }
    if (node == null || !node.isObject()) {
      throw ProblemException.validation("the request body must be a JSON object");
    }
    for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
      if (!fields.next().equals(CONFIRM_FIELD)) {
        throw ProblemException.validation(
            "the request body has an unknown field: only '" + CONFIRM_FIELD + "' is accepted");
      }
    }
    JsonNode slug = node.get(CONFIRM_FIELD);
    if (slug == null || !slug.isTextual()) {
      throw ProblemException.validation(
          "the request body must set '"
              + CONFIRM_FIELD
              + "' to the organization's slug, typed exactly, to confirm the deletion");
    }
    return slug.asText();
  }

  record ScheduledJson(String status, String requestedAt, String note) {}
}
