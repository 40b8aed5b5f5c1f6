package dev.reckon.ports.out;

import java.time.Instant;

/**
 * The polling state of one key, as the worker last recorded it.
 *
 * @param lastSuccessAt the last fully successful run, or null
 * @param consecutiveFailures failed runs since the last success
 * @param lastFailureAt the last failed run, or null
 * @param lastErrorCategory a stable word for the last failure, or null
 * @param nextRunAt when the worker plans the next run, or null when none is planned
 * @param openDeadLetters dead letters not yet resolved
 */
public record KeyHealth(
    Instant lastSuccessAt,
    int consecutiveFailures,
    Instant lastFailureAt,
    String lastErrorCategory,
    Instant nextRunAt,
    int openDeadLetters) {}
