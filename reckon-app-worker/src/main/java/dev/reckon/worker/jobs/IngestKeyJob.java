package dev.reckon.worker.jobs;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.reckon.adapter.sentry.SecretScrubber;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.usage.Dataset;
import dev.reckon.ports.in.IngestCommand;
import dev.reckon.ports.in.IngestProviderKeyUseCase;
import dev.reckon.ports.in.IngestionProgress;
import dev.reckon.ports.in.IngestionResult;
import dev.reckon.ports.in.NoSuchProviderKeyException;
import dev.reckon.ports.out.DeadLetter;
import dev.reckon.ports.out.DeadLetterRepository;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.out.ProviderKeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recurring ingestion of one provider key. Each key has one job instance; after a run it
 * schedules its own next run.
 *
 * <p>A failed attempt that can be retried runs again after the {@link RetryPolicy} delay. When the
 * attempts are used up, or the failure cannot be retried, the run becomes a dead letter and the job
 * waits for its next regular run or an admin's retry. A key the provider rejects needs attention:
 * its job is removed, and the reconciler schedules it again once an admin replaces the key.
 */
public final class IngestKeyJob {

  public static final String NAME = "ingest-key";

  private static final Logger LOG = LoggerFactory.getLogger(IngestKeyJob.class);
  private static final Duration SLOT_WAIT = Duration.ofSeconds(2);
  private static final int MESSAGE_LIMIT = DeadLetter.MAX_MESSAGE_LENGTH;

  private final IngestProviderKeyUseCase ingestion;
  private final ProviderKeyRepository keys;
  private final DeadLetterRepository deadLetters;
  private final RetryPolicy retries;
  private final OrganizationSlots slots;
  private final JobScope scope;
  private final JobMetrics metrics;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public IngestKeyJob(
      IngestProviderKeyUseCase ingestion,
      ProviderKeyRepository keys,
      DeadLetterRepository deadLetters,
      JobSettings settings,
      JobScope scope,
      JobMetrics metrics,
      Clock clock) {
    this.ingestion = Objects.requireNonNull(ingestion, "ingestion");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    this.retries = new RetryPolicy(settings, bound -> ThreadLocalRandom.current().nextLong(bound));
    this.slots = new OrganizationSlots(settings.maxPerOrganization());
    this.scope = Objects.requireNonNull(scope, "scope");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = UUID::randomUUID;
  }

  /** Returns the task to register with the scheduler. */
  public CustomTask<KeyJobData> task(Duration unexpectedFailureBackoff) {
    return Tasks.custom(NAME, KeyJobData.class)
        .onFailure(
            new FailureHandler.ExponentialBackoffFailureHandler<>(unexpectedFailureBackoff, 2.0))
        .execute((instance, context) -> run(instance));
  }

  /** Returns the task instance of a key, for scheduling it. */
  public TaskInstance<KeyJobData> instance(
      CustomTask<KeyJobData> task, OrgId orgId, ProviderKeyId keyId) {
    KeyJobData data = KeyJobData.of(orgId, keyId);
    return task.instance(data.instanceId(), data);
  }

  CompletionHandler<KeyJobData> run(TaskInstance<KeyJobData> instance) {
    KeyJobData data = instance.getData();
    OrgId orgId = data.org();
    if (!slots.tryAcquire(orgId)) {
      Instant later =
          clock.instant().plus(SLOT_WAIT).plusMillis(ThreadLocalRandom.current().nextLong(1000));
      return (complete, operations) -> operations.reschedule(complete, later, data);
    }
    try {
      return scope.call(orgId, () -> runInScope(data));
    } finally {
      slots.release(orgId);
    }
  }

  private CompletionHandler<KeyJobData> runInScope(KeyJobData data) {
    WindowTracker window = new WindowTracker();
    Instant started = clock.instant();
    Provider provider = null;
    Instant previousSuccess = null;
    try {
      Optional<ProviderKeyRecord> key = keys.find(data.org(), data.key());
      provider = key.map(ProviderKeyRecord::provider).orElse(null);
      previousSuccess = key.map(ProviderKeyRecord::lastSuccessAt).orElse(null);
      IngestionResult result = ingestion.ingest(new IngestCommand(data.org(), data.key(), window));
      return switch (result.outcome()) {
        case INGESTED -> succeeded(data, provider, result, started, previousSuccess);
        case KEY_REJECTED -> rejected(data, provider, result);
        case SKIPPED -> stopped(data, result.detail());
      };
    } catch (NoSuchProviderKeyException e) {
      return stopped(data, "the key was deleted");
    } catch (RuntimeException e) {
      return failed(data, provider, e, window.current());
    }
  }

  private CompletionHandler<KeyJobData> succeeded(
      KeyJobData data,
      Provider provider,
      IngestionResult result,
      Instant started,
      Instant previousSuccess) {
    Instant now = clock.instant();
    Instant next = retries.nextRegularRun(now);
    keys.recordRunState(data.org(), data.key(), 0, null, null, next);
    deadLetters.resolve(data.org(), data.key(), NAME, now);
    metrics.jobFinished(NAME, provider, JobMetrics.Outcome.SUCCEEDED);
    // The data was as old as the previous success when this run started.
    if (previousSuccess != null) {
      metrics.ingestionLag(provider, Duration.between(previousSuccess, started));
    }
    LOG.atInfo()
        .addKeyValue("org_id", data.orgId())
        .addKeyValue("provider_key_id", data.keyId())
        .addKeyValue("provider", provider == null ? null : provider.id())
        .addKeyValue("usage_rows", result.usageRows())
        .addKeyValue("cost_rows", result.costRows())
        .addKeyValue("attempts", data.failedAttempts() + 1)
        .addKeyValue("duration_ms", Duration.between(started, now).toMillis())
        .addKeyValue("next_run_at", next)
        .log("ingestion finished");
    KeyJobData fresh = data.fresh();
    return (complete, operations) -> operations.reschedule(complete, next, fresh);
  }

  private CompletionHandler<KeyJobData> rejected(
      KeyJobData data, Provider provider, IngestionResult result) {
    Instant now = clock.instant();
    keys.recordRunState(
        data.org(),
        data.key(),
        data.failedAttempts() + 1,
        now,
        FailureCategory.KEY_REJECTED.id(),
        null);
    metrics.jobFinished(NAME, provider, JobMetrics.Outcome.FAILED);
    LOG.atWarn()
        .addKeyValue("org_id", data.orgId())
        .addKeyValue("provider_key_id", data.keyId())
        .addKeyValue("reason", result.detail())
        .log("provider rejected the key; polling stops until an admin replaces it");
    return (complete, operations) -> operations.remove();
  }

  private CompletionHandler<KeyJobData> stopped(KeyJobData data, String reason) {
    LOG.atInfo()
        .addKeyValue("org_id", data.orgId())
        .addKeyValue("provider_key_id", data.keyId())
        .addKeyValue("reason", reason)
        .log("ingestion schedule removed");
    return (complete, operations) -> operations.remove();
  }

  private CompletionHandler<KeyJobData> failed(
      KeyJobData data, Provider provider, RuntimeException failure, TimeWindow window) {
    Instant now = clock.instant();
    KeyJobData failedData = data.failedAgain(now);
    int attempt = failedData.failedAttempts();
    FailureCategory category = FailureCategory.of(failure);
    String message = describe(failure);
    Optional<Instant> retryAt = retries.nextAttempt(failure, attempt, now);

    if (retryAt.isPresent()) {
      keys.recordRunState(data.org(), data.key(), attempt, now, category.id(), retryAt.get());
      metrics.jobFinished(NAME, provider, JobMetrics.Outcome.RETRIED);
      LOG.atWarn()
          .addKeyValue("org_id", data.orgId())
          .addKeyValue("provider_key_id", data.keyId())
          .addKeyValue("attempt", attempt)
          .addKeyValue("category", category.id())
          .addKeyValue("retry_at", retryAt.get())
          .log("ingestion attempt failed, retrying: {}", message);
      Instant at = retryAt.get();
      return (complete, operations) -> operations.reschedule(complete, at, failedData);
    }

    Instant next = retries.nextRegularRun(now);
    deadLetters.recordExhausted(
        new DeadLetter(
            ids.get(),
            data.org(),
            data.key(),
            NAME,
            window == null ? null : window.start(),
            window == null ? null : window.end(),
            attempt,
            category.id(),
            message,
            failedData.firstFailureAt(),
            now,
            null,
            null),
        ids.get());
    keys.recordRunState(data.org(), data.key(), attempt, now, category.id(), next);
    metrics.jobFinished(NAME, provider, JobMetrics.Outcome.DEAD_LETTERED);
    LOG.atError()
        .addKeyValue("org_id", data.orgId())
        .addKeyValue("provider_key_id", data.keyId())
        .addKeyValue("attempts", attempt)
        .addKeyValue("category", category.id())
        .addKeyValue("next_run_at", next)
        .log("ingestion failed every attempt, dead letter written: {}", message);
    KeyJobData fresh = data.fresh();
    return (complete, operations) -> operations.reschedule(complete, next, fresh);
  }

  /**
   * Returns the failure's message when Reckon wrote it (those hold no key material by design) or
   * else the type alone, scrubbed once more of anything key-shaped and cut to the dead letter's
   * limit.
   */
  static String describe(Throwable failure) {
    String text =
        failure.getClass().getName().startsWith("dev.reckon.") && failure.getMessage() != null
            ? SecretScrubber.redact(failure.getMessage())
            : "unexpected " + failure.getClass().getSimpleName();
    return text.length() <= MESSAGE_LIMIT ? text : text.substring(0, MESSAGE_LIMIT - 1) + "…";
  }

  /** Remembers the window being fetched, so a failure can name it. */
  private static final class WindowTracker implements IngestionProgress {

    private volatile TimeWindow current;

    @Override
    public void report(Event event) {}

    @Override
    public void windowStarted(Dataset dataset, TimeWindow window) {
      current = window;
    }

    TimeWindow current() {
      return current;
    }
  }
}
