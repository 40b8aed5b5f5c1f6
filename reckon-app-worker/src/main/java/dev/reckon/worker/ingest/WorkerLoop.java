package dev.reckon.worker.ingest;

import dev.reckon.ports.in.IngestCommand;
import dev.reckon.ports.in.IngestProviderKeyUseCase;
import dev.reckon.ports.in.IngestionProgress;
import dev.reckon.ports.in.IngestionResult;
import dev.reckon.ports.out.KeyRef;
import dev.reckon.ports.out.ProviderCallException;
import dev.reckon.ports.out.ProviderKeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every active provider key once per pass, in the calling thread, for {@code worker --once}.
 * Keys are isolated: one key's failure is logged and the pass goes on with the next key. The
 * scheduled worker uses {@link dev.reckon.worker.jobs.IngestKeyJob} instead.
 */
public final class WorkerLoop {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerLoop.class);

  private final ProviderKeyRepository keys;
  private final IngestProviderKeyUseCase ingestion;
  private final Clock clock;

  public WorkerLoop(ProviderKeyRepository keys, IngestProviderKeyUseCase ingestion, Clock clock) {
    this.keys = keys;
    this.ingestion = ingestion;
    this.clock = clock;
  }

  /** Ingests every active key once and returns one outcome per key. */
  public List<KeyOutcome> runPass(IngestionProgress progress) {
    List<KeyOutcome> outcomes = new ArrayList<>();
    for (KeyRef key : keys.listActiveKeys()) {
      outcomes.add(ingestOne(key, progress));
    }
    return outcomes;
  }

  private KeyOutcome ingestOne(KeyRef key, IngestionProgress progress) {
    Instant started = clock.instant();
    try {
      IngestionResult result =
          ingestion.ingest(new IngestCommand(key.orgId(), key.keyId(), progress));
      logResult(key, result, Duration.between(started, clock.instant()));
      return new KeyOutcome(key, result, null);
    } catch (ProviderCallException e) {
      // NOTE: retried on the next pass only; backoff and dead letters belong to the job scheduler.
      LOG.atWarn()
          .addKeyValue("org_id", key.orgId())
          .addKeyValue("provider_key_id", key.keyId())
          .addKeyValue("retryable", e.isRetryable())
          .log("ingestion failed: {}", e.getMessage());
      return new KeyOutcome(key, null, e.getMessage());
    } catch (RuntimeException e) {
      // Any other failure of one key (a key that cannot be opened, a database error) must not
      // stop the pass for the other keys.
      LOG.atError()
          .addKeyValue("org_id", key.orgId())
          .addKeyValue("provider_key_id", key.keyId())
          .addKeyValue("error", e.getClass().getSimpleName())
          .log("ingestion failed: {}", e.getMessage());
      return new KeyOutcome(key, null, e.getMessage());
    }
  }

  private static void logResult(KeyRef key, IngestionResult result, Duration took) {
    LOG.atInfo()
        .addKeyValue("org_id", key.orgId())
        .addKeyValue("provider_key_id", key.keyId())
        .addKeyValue("outcome", result.outcome())
        .addKeyValue("usage_rows", result.usageRows())
        .addKeyValue("cost_rows", result.costRows())
        .addKeyValue("duration_ms", took.toMillis())
        .log("ingestion finished");
  }

  /** The result of one key in a pass: {@code result} on success, else a data-free error text. */
  public record KeyOutcome(KeyRef key, IngestionResult result, String error) {}
}
