package dev.reckon.worker.jobs;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.ports.out.DeadLetterRepository;
import dev.reckon.ports.out.KeyRef;
import dev.reckon.ports.out.ProviderKeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the job table in step with the stored keys and the admins' requests. It runs on one worker
 * at a time, every reconcile interval:
 *
 * <ul>
 *   <li>an active key with no ingestion job gets one, due at a random moment within the next
 *       interval so that new keys do not all poll together;
 *   <li>a job whose key is gone or no longer active is cancelled, unless it is running;
 *   <li>a dead letter an admin asked to retry makes its key's job due now;
 *   <li>an organization whose data deletion was requested gets its deletion job.
 * </ul>
 */
public final class ScheduleReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(ScheduleReconciler.class);

  private final Supplier<SchedulerClient> scheduler;
  private final CustomTask<KeyJobData> ingestTask;
  private final IngestKeyJob ingestJob;
  private final ProviderKeyRepository keys;
  private final DeadLetterRepository deadLetters;
  private final Supplier<List<OrgId>> deletionRequests;
  private final DeleteOrganizationJob deleteJob;
  private final Duration spread;
  private final Clock clock;

  public ScheduleReconciler(
      Supplier<SchedulerClient> scheduler,
      CustomTask<KeyJobData> ingestTask,
      IngestKeyJob ingestJob,
      ProviderKeyRepository keys,
      DeadLetterRepository deadLetters,
      Supplier<List<OrgId>> deletionRequests,
      DeleteOrganizationJob deleteJob,
      Duration spread,
      Clock clock) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.ingestTask = Objects.requireNonNull(ingestTask, "ingestTask");
    this.ingestJob = Objects.requireNonNull(ingestJob, "ingestJob");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    this.deletionRequests = Objects.requireNonNull(deletionRequests, "deletionRequests");
    this.deleteJob = Objects.requireNonNull(deleteJob, "deleteJob");
    this.spread = Objects.requireNonNull(spread, "spread");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Runs one reconciliation. */
  public void reconcile() {
    SchedulerClient client = scheduler.get();
    Instant now = clock.instant();
    Map<String, ScheduledExecution<KeyJobData>> scheduled = new HashMap<>();
    for (ScheduledExecution<KeyJobData> execution :
        client.getScheduledExecutionsForTask(IngestKeyJob.NAME, KeyJobData.class)) {
      scheduled.put(execution.getTaskInstance().getId(), execution);
    }

    List<OrgId> deleting = deletionRequests.get();
    int added = 0;
    for (KeyRef key : keys.listActiveKeys()) {
      if (deleting.contains(key.orgId())) {
        continue;
      }
      TaskInstance<KeyJobData> instance = ingestJob.instance(ingestTask, key.orgId(), key.keyId());
      if (scheduled.remove(instance.getId()) == null) {
        long offset =
            spread.toMillis() > 0 ? ThreadLocalRandom.current().nextLong(spread.toMillis()) : 0;
        if (client.scheduleIfNotExists(instance, now.plusMillis(offset))) {
          added++;
        }
      }
    }

    int cancelled = 0;
    for (ScheduledExecution<KeyJobData> stale : scheduled.values()) {
      if (!stale.isPicked()) {
        client.cancel(TaskInstanceId.of(IngestKeyJob.NAME, stale.getTaskInstance().getId()));
        cancelled++;
      }
    }

    int retried = 0;
    for (DeadLetterRepository.RetryRequest request : deadLetters.listRetryRequests()) {
      TaskInstance<KeyJobData> instance =
          ingestJob.instance(ingestTask, request.orgId(), request.keyId());
      if (!client.reschedule(instance, now)) {
        client.scheduleIfNotExists(instance, now);
      }
      deadLetters.resolve(request.orgId(), request.keyId(), IngestKeyJob.NAME, now);
      retried++;
    }

    int deletions = 0;
    for (OrgId orgId : deleting) {
      if (deleteJob.schedule(client, orgId, now)) {
        deletions++;
      }
    }

    if (added + cancelled + retried + deletions > 0) {
      LOG.atInfo()
          .addKeyValue("jobs_added", added)
          .addKeyValue("jobs_cancelled", cancelled)
          .addKeyValue("retries_enqueued", retried)
          .addKeyValue("deletions_scheduled", deletions)
          .log("schedules reconciled");
    }
  }
}
