package dev.reckon.web;

import dev.reckon.adapter.sentry.SecretScrubber;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.in.KeyHealthUseCase;
import dev.reckon.ports.in.KeyHealthUseCase.Report;
import dev.reckon.ports.out.DeadLetter;
import dev.reckon.ports.out.KeyHealth;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes for the health of a provider key's polling (its lag, failures and dead letters) and for an
 * admin's request to run a dead letter's job again.
 */
final class KeyHealthRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(KeyHealthRoutes.class);

  static final String RETRY_REQUESTED = "retry_requested";

  private final KeyHealthUseCase keyHealth;

  KeyHealthRoutes(KeyHealthUseCase keyHealth) {
    this.keyHealth = keyHealth;
  }

  void health(Context ctx) {
    ProviderKeyId keyId = ProviderKeyRoutes.parseId(ctx.pathParam("id"));

    Report report = keyHealth.health(AccessFilter.organization(ctx).id(), keyId);

    Json.write(ctx, 200, HealthJson.of(report));
  }

  void retry(Context ctx) {
    UUID deadLetterId = parseDeadLetterId(ctx.pathParam("id"));
    OrgId orgId = AccessFilter.organization(ctx).id();

    keyHealth.retry(orgId, deadLetterId);

    LOG.info("dead letter retry requested org_id={} dead_letter_id={}", orgId, deadLetterId);
    Json.write(ctx, 202, new RetryJson(RETRY_REQUESTED));
  }

  private static UUID parseDeadLetterId(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw ProblemException.validation("path parameter 'id' must be a dead letter id (a UUID)");
    }
  }

  record RetryJson(String status) {}

  record HealthJson(
      String id,
      String lastSuccessAt,
      Long lagSeconds,
      String nextRunAt,
      int consecutiveFailures,
      String lastFailureAt,
      String lastErrorCategory,
      int openDeadLetters,
      List<DeadLetterJson> deadLetters) {

    static HealthJson of(Report report) {
      KeyHealth health = report.health();
      return new HealthJson(
          report.keyId().toString(),
          ProviderKeyRoutes.instant(health.lastSuccessAt()),
          lagSeconds(report.lag()),
          ProviderKeyRoutes.instant(health.nextRunAt()),
          health.consecutiveFailures(),
          ProviderKeyRoutes.instant(health.lastFailureAt()),
          health.lastErrorCategory(),
          health.openDeadLetters(),
          report.deadLetters().stream().map(DeadLetterJson::of).toList());
    }

    /**
     * Returns the lag in whole seconds, or null when the key never succeeded. The worker stamps the
     * last success with its clock and the lag is measured with this server's, so a small negative
     * difference between the two clocks is shown as 0.
     */
    private static Long lagSeconds(Duration lag) {
      return lag == null ? null : Math.max(0, lag.getSeconds());
    }
  }

  record DeadLetterJson(
      String id,
      String job,
      String windowStart,
      String windowEnd,
      int attempts,
      String errorCategory,
      String errorMessage,
      String firstFailureAt,
      String lastFailureAt,
      String retryRequestedAt,
      String resolvedAt) {

    static DeadLetterJson of(DeadLetter letter) {
      return new DeadLetterJson(
          letter.id().toString(),
          letter.job(),
          ProviderKeyRoutes.instant(letter.windowStart()),
          ProviderKeyRoutes.instant(letter.windowEnd()),
          letter.attempts(),
          letter.errorCategory(),
          // The worker stores the message scrubbed. Every member may read this route, so key-shaped
          // text is redacted once more in case a message slipped past the worker's scrubbing.
          SecretScrubber.redact(letter.errorMessage()),
          ProviderKeyRoutes.instant(letter.firstFailureAt()),
          ProviderKeyRoutes.instant(letter.lastFailureAt()),
          ProviderKeyRoutes.instant(letter.retryRequestedAt()),
          ProviderKeyRoutes.instant(letter.resolvedAt()));
    }
  }
}
