package dev.reckon.worker.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the worker's jobs with db-scheduler: several workers share one job table, and each due
 * execution is picked by exactly one of them ({@code SELECT ... FOR UPDATE SKIP LOCKED}). Running
 * jobs send heartbeats; when a worker dies, another revives its jobs after the missed heartbeats.
 */
public final class JobRunner implements AutoCloseable {

  public static final String TABLE = "reckon.scheduled_tasks";

  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

  private final Scheduler scheduler;
  private final JobSettings settings;

  /**
   * Builds the scheduler with {@code tasks} and starts the recurring ones when {@link #start()} is
   * called.
   *
   * @param name the worker's name in the job table, unique among running workers
   */
  public JobRunner(
      DataSource dataSource,
      JobSettings settings,
      String name,
      List<Task<?>> tasks,
      List<RecurringTask<?>> recurring) {
    this.settings = Objects.requireNonNull(settings, "settings");
    // startTasks registers the recurring tasks as well, so they are not passed to create.
    // Lock-and-fetch refills the queue to twice the threads once fewer than the threads are left,
    // which kept every thread busy in the polling benchmark (0.5 and 1.0 left a quarter idle).
    // NOTE: picked executions waiting in the queue get no heartbeats. A queued execution waits for
    // up to two jobs ahead of it, so with jobs longer than about a minute (half the default two
    // minutes of missed heartbeats) another worker could revive it. Ingestion is idempotent, so
    // that costs a repeated run, not wrong rows.
    this.scheduler =
        Scheduler.create(dataSource, new ArrayList<>(tasks))
            .tableName(TABLE)
            .schedulerName(new SchedulerName.Fixed(name))
            .threads(settings.threads())
            .pollUsingLockAndFetch(1.0, 2.0)
            .pollingInterval(settings.pollingInterval())
            .heartbeatInterval(settings.heartbeatInterval())
            .missedHeartbeatsLimit(settings.missedHeartbeats())
            .serializer(new JacksonSerializer())
            .shutdownMaxWait(settings.shutdownGrace())
            .startTasks(recurring)
            .enableImmediateExecution()
            .build();
  }

  public void start() {
    scheduler.start();
    LOG.atInfo()
        .addKeyValue("threads", settings.threads())
        .addKeyValue("max_per_organization", settings.maxPerOrganization())
        .addKeyValue("poll_interval", settings.pollInterval())
        .log("job scheduler started");
  }

  public SchedulerClient client() {
    return scheduler;
  }

  /**
   * Stops taking new jobs and waits up to the shutdown grace for running ones to finish. Jobs still
   * running after that are interrupted, and another worker picks them up again.
   */
  @Override
  public void close() {
    scheduler.stop();
    LOG.info("job scheduler stopped");
  }
}
