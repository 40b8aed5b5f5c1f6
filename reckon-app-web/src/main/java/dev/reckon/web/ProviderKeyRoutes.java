package dev.reckon.web;

import dev.reckon.domain.key.ProviderKeyStatus;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.in.AddProviderKeyCommand;
import dev.reckon.ports.in.AddProviderKeyUseCase;
import dev.reckon.ports.in.AddedProviderKey;
import dev.reckon.ports.in.ManageProviderKeysUseCase;
import dev.reckon.ports.in.ProviderKeySummary;
import dev.reckon.web.auth.Caller;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Lists, adds and deletes the caller's provider keys. Responses carry the key's hint (its last
 * characters) and never key material, and the request body of an added key is never logged.
 */
final class ProviderKeyRoutes {

  private final ManageProviderKeysUseCase keys;
  private final AddProviderKeyUseCase adder;

  ProviderKeyRoutes(ManageProviderKeysUseCase keys, AddProviderKeyUseCase adder) {
    this.keys = keys;
    this.adder = adder;
  }

  void list(Context ctx) {
    List<KeyJson> body =
        keys.list(AccessFilter.organization(ctx).id()).stream().map(KeyJson::of).toList();
    Json.write(ctx, 200, new KeyList(body));
  }

  void add(Context ctx) {
    byte[] body = RequestBodies.readJson(ctx);
    AddedProviderKey added;
    String provider;
    String label;
    try (ProviderKeySubmission submission = ProviderKeySubmission.parse(body)) {
      provider = submission.provider().id();
      label = submission.label().strip();
      added = adder.add(command(ctx, submission));
    } finally {
      Arrays.fill(body, (byte) 0);
    }

    Json.write(
        ctx,
        201,
        new AddedJson(
            added.id().toString(),
            provider,
            label,
            added.hint().display(),
            ProviderKeyStatus.ACTIVE.id()));
  }

  void delete(Context ctx) {
    ProviderKeyId id = parseId(ctx.pathParam("id"));

    keys.delete(AccessFilter.organization(ctx).id(), id);

    ctx.status(204);
  }

  private static AddProviderKeyCommand command(Context ctx, ProviderKeySubmission submission) {
    Caller caller = AccessFilter.caller(ctx);
    // The use case zeroes the key it is given, and the submission zeroes it again when closed,
    // which also covers a failure before the use case runs.
    return new AddProviderKeyCommand(
        AccessFilter.organization(ctx).id(),
        submission.provider(),
        submission.label(),
        submission.key(),
        caller.userId());
  }

  static ProviderKeyId parseId(String text) {
    try {
      return new ProviderKeyId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw ProblemException.validation("path parameter 'id' must be a provider key id (a UUID)");
    }
  }

  record KeyList(List<KeyJson> providerKeys) {}

  record AddedJson(String id, String provider, String label, String hint, String status) {}

  record KeyJson(
      String id,
      String provider,
      String label,
      String hint,
      String status,
      String attentionReason,
      String lastSuccessAt,
      String createdBy,
      String createdAt) {

    static KeyJson of(ProviderKeySummary key) {
      return new KeyJson(
          key.id().toString(),
          key.provider().id(),
          key.label(),
          key.hint().display(),
          key.status().id(),
          key.attentionReason(),
          instant(key.lastSuccessAt()),
          key.createdBy(),
          instant(key.createdAt()));
    }
  }

  static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
