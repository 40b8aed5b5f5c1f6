package dev.reckon.worker.jobs;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.reckon.domain.shared.OrgId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes every row of one organization after an admin asked for it: first its ingestion jobs, so
 * nothing writes new rows, then its data in bounded batches. Each batch commits on its own, so a
 * stopped run loses nothing, and a run after the organization is gone does nothing. A failed run is
 * tried again with backoff.
 */
public final class DeleteOrganizationJob {

  public static final String NAME = "delete-org-data";

  private static final Logger LOG = LoggerFactory.getLogger(DeleteOrganizationJob.class);

  private final Consumer<OrgId> eraser;
  private final JobScope scope;
  private final OneTimeTask<OrgJobData> task;

  /**
   * Creates the job.
   *
   * @param eraser deletes every tenant row of an organization, in batches, and is idempotent
   */
  public DeleteOrganizationJob(Consumer<OrgId> eraser, JobScope scope, Duration retryBackoff) {
    this.eraser = Objects.requireNonNull(eraser, "eraser");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.task =
        Tasks.oneTime(NAME, OrgJobData.class)
            .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(retryBackoff, 2.0))
            .execute(
                (instance, context) -> run(instance.getData().org(), context.getSchedulerClient()));
  }

  public OneTimeTask<OrgJobData> task() {
    return task;
  }

  /** Schedules the deletion of {@code orgId} unless it is already scheduled. */
  boolean schedule(SchedulerClient client, OrgId orgId, Instant at) {
    return client.scheduleIfNotExists(
        task.instance(orgId.value().toString(), OrgJobData.of(orgId)), at);
  }

  private void run(OrgId orgId, SchedulerClient client) {
    scope.call(
        orgId,
        () -> {
          Cancelled ingestion = cancelIngestion(client, orgId);
          eraser.accept(orgId);
          if (ingestion.running() > 0) {
            // A run that was already going may still write rows, so delete again after it ends.
            throw new IllegalStateException(
                "ingestion of organization "
                    + orgId
                    + " was running during deletion; deleting again");
          }
          LOG.atInfo()
              .addKeyValue("org_id", orgId)
              .addKeyValue("jobs_cancelled", ingestion.cancelled())
              .log("organization data deleted");
          return null;
        });
  }

  /** The organization's ingestion jobs cancelled, and those left because they were running. */
  private record Cancelled(int cancelled, int running) {}

  /** Cancels the organization's waiting ingestion jobs; running ones cannot be cancelled. */
  private static Cancelled cancelIngestion(SchedulerClient client, OrgId orgId) {
    String prefix = orgId.value() + ":";
    int cancelled = 0;
    int running = 0;
    for (ScheduledExecution<Object> execution :
        client.getScheduledExecutionsForTask(IngestKeyJob.NAME)) {
      String id = execution.getTaskInstance().getId();
      if (!id.startsWith(prefix)) {
        continue;
      }
      if (execution.isPicked()) {
        running++;
      } else {
        client.cancel(TaskInstanceId.of(IngestKeyJob.NAME, id));
        cancelled++;
      }
    }
    return new Cancelled(cancelled, running);
  }
}
