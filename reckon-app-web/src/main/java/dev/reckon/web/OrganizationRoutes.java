package dev.reckon.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.UpdateOrganizationUseCase;
import dev.reckon.ports.service.RetentionPolicy;
import dev.reckon.web.auth.ActiveOrganization;
import dev.reckon.web.auth.Caller;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The caller ({@code /me}) and the caller's organization: reading it with the retention of its
 * plan, and renaming it or moving its time zone.
 */
final class OrganizationRoutes {

  static final int MAX_NAME_LENGTH = 200;
  private static final Set<String> PATCH_FIELDS = Set.of("name", "time_zone");

  private final AccessFilter access;
  private final UpdateOrganizationUseCase updates;
  private final RetentionPolicy retention;

  OrganizationRoutes(
      AccessFilter access, UpdateOrganizationUseCase updates, RetentionPolicy retention) {
    this.access = access;
    this.updates = updates;
    this.retention = retention;
  }

  void me(Context ctx) {
    Caller caller = AccessFilter.caller(ctx);
    Optional<ActiveOrganization> active = caller.activeOrganization();
    OrganizationJson organization = active.map(access::resolve).map(this::json).orElse(null);
    String role = active.map(org -> org.role().name().toLowerCase(Locale.ROOT)).orElse(null);
    Json.write(ctx, 200, new MeJson(caller.userId(), organization, role));
  }

  void get(Context ctx) {
    Json.write(ctx, 200, json(AccessFilter.organization(ctx)));
  }

  void patch(Context ctx) {
    JsonNode body = readObject(RequestBodies.readJson(ctx));
    Optional<String> name = name(body.get("name"));
    Optional<ZoneId> timeZone = timeZone(body.get("time_zone"));
    if (name.isEmpty() && timeZone.isEmpty()) {
      throw ProblemException.validation("the request body must set 'name', 'time_zone' or both");
    }

    Organization updated = updates.update(AccessFilter.organization(ctx).id(), name, timeZone);

    Json.write(ctx, 200, json(updated));
  }

  private OrganizationJson json(Organization organization) {
    return OrganizationJson.of(organization, retention.days(organization.plan()));
  }

  private static JsonNode readObject(byte[] body) {
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
      if (!PATCH_FIELDS.contains(fields.next())) {
        throw ProblemException.validation(
            "the request body has an unknown field: only 'name' and 'time_zone' are accepted");
      }
    }
    return node;
  }

  private static Optional<String> name(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    String name = node.isTextual() ? node.asText().strip() : "";
    if (!node.isTextual() || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw ProblemException.validation(
          "'name' must be a string of 1 to " + MAX_NAME_LENGTH + " characters");
    }
    return Optional.of(name);
  }

  private static Optional<ZoneId> timeZone(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    // Region ids only: fixed offsets such as +02:00 ignore daylight saving time.
    if (!node.isTextual() || !ZoneId.getAvailableZoneIds().contains(node.asText())) {
      throw ProblemException.validation(
          "'time_zone' must be an IANA time zone id such as Europe/Berlin or America/New_York");
    }
    return Optional.of(ZoneId.of(node.asText()));
  }

  record MeJson(String userId, OrganizationJson organization, String role) {}

  record OrganizationJson(
      String id,
      String slug,
      String name,
      String plan,
      String timeZone,
      int retentionDays,
      String retentionNote) {

    static OrganizationJson of(Organization org, int retentionDays) {
      return new OrganizationJson(
          org.id().toString(),
          org.slug().value(),
          org.name(),
          org.plan().id(),
          org.timeZone().getId(),
          retentionDays,
          retentionNote(retentionDays));
    }

    static String retentionNote(int days) {
      return "Usage and cost data older than "
          + days
          + " days is deleted daily. Upgrading the plan does not bring deleted data back.";
    }
  }
}
