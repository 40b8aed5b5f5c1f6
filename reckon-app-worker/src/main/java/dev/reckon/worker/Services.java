package dev.reckon.worker;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.zaxxer.hikari.HikariDataSource;
import dev.reckon.adapter.kms.DataKeyGenerator;
import dev.reckon.adapter.kms.MasterKeyConfig;
import dev.reckon.adapter.kms.aws.KmsClients;
import dev.reckon.adapter.kms.aws.KmsDataKeyGenerator;
import dev.reckon.adapter.kms.local.LocalMasterKeyFile;
import dev.reckon.adapter.kms.opening.DataKeyRewrapper;
import dev.reckon.adapter.kms.opening.DataKeyUnwrapper;
import dev.reckon.adapter.kms.opening.EnvelopeKeyOpener;
import dev.reckon.adapter.kms.opening.EnvelopeKeyRewrapper;
import dev.reckon.adapter.kms.opening.KmsDataKeyRewrapper;
import dev.reckon.adapter.kms.opening.KmsDataKeyUnwrapper;
import dev.reckon.adapter.kms.opening.LocalMasterKeyRewrapper;
import dev.reckon.adapter.kms.opening.LocalMasterKeyUnwrapper;
import dev.reckon.adapter.kms.sealing.EnvelopeKeySealer;
import dev.reckon.adapter.postgres.DataSources;
import dev.reckon.adapter.postgres.DatabaseRoles;
import dev.reckon.adapter.postgres.DatabaseSetup;
import dev.reckon.adapter.postgres.JdbiDeadLetterRepository;
import dev.reckon.adapter.postgres.JdbiOrganizationDataEraser;
import dev.reckon.adapter.postgres.JdbiOrganizationRepository;
import dev.reckon.adapter.postgres.JdbiProviderKeyRepository;
import dev.reckon.adapter.postgres.JdbiSpendReadModel;
import dev.reckon.adapter.postgres.JdbiUsageRepository;
import dev.reckon.adapter.postgres.JdbiUsageRetentionRepository;
import dev.reckon.adapter.postgres.Migrations;
import dev.reckon.adapter.postgres.PostgresSettings;
import dev.reckon.adapter.postgres.ReckonJdbi;
import dev.reckon.adapter.provider.CallObserver;
import dev.reckon.adapter.provider.HardenedHttpClient;
import dev.reckon.adapter.provider.HttpClientSettings;
import dev.reckon.adapter.provider.anthropic.AnthropicUsageSource;
import dev.reckon.adapter.provider.openai.OpenAiUsageSource;
import dev.reckon.domain.pricing.PriceTable;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.ports.in.AddProviderKeyUseCase;
import dev.reckon.ports.in.CreateOrganizationUseCase;
import dev.reckon.ports.in.DeleteOrganizationDataUseCase;
import dev.reckon.ports.in.FindOrganizationUseCase;
import dev.reckon.ports.in.IngestProviderKeyUseCase;
import dev.reckon.ports.in.KeyHealthUseCase;
import dev.reckon.ports.in.PruneUsageUseCase;
import dev.reckon.ports.in.ReplaceProviderKeyUseCase;
import dev.reckon.ports.in.ReportSpendUseCase;
import dev.reckon.ports.in.RewrapKeysUseCase;
import dev.reckon.ports.out.ProviderKeyRepository;
import dev.reckon.ports.service.AddProviderKeyService;
import dev.reckon.ports.service.DeleteOrganizationDataService;
import dev.reckon.ports.service.IngestProviderKeyService;
import dev.reckon.ports.service.IngestionSettings;
import dev.reckon.ports.service.KeyHealthService;
import dev.reckon.ports.service.OrganizationService;
import dev.reckon.ports.service.PruneUsageService;
import dev.reckon.ports.service.ReportSpendService;
import dev.reckon.ports.service.RewrapKeysService;
import dev.reckon.worker.config.ConfigException;
import dev.reckon.worker.config.WorkerConfig;
import dev.reckon.worker.ingest.WorkerLoop;
import dev.reckon.worker.jobs.DeleteOrganizationJob;
import dev.reckon.worker.jobs.IngestKeyJob;
import dev.reckon.worker.jobs.JobMetrics;
import dev.reckon.worker.jobs.JobRunner;
import dev.reckon.worker.jobs.JobScope;
import dev.reckon.worker.jobs.JobSettings;
import dev.reckon.worker.jobs.KeyJobData;
import dev.reckon.worker.jobs.ScheduleReconciler;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Wires the use cases to the adapters from the configuration, building each part on first use so
 * that a command connects only to what it needs. Commands that add keys and read reports use the
 * web role; ingestion uses the worker role; migrations use the owner role.
 */
public final class Services implements AutoCloseable {

  private static final int POOL_SIZE = 4;
  private static final Logger LOG = LoggerFactory.getLogger(Services.class);
  private static final int DELETION_BATCH_SIZE = 5_000;
  private static final String REWRAP_TASK = "rewrap-keys";
  private static final String RECONCILE_TASK = "reconcile-schedules";
  private static final String PRUNE_TASK = "prune-usage";
  private static final LocalTime PRUNE_TIME = LocalTime.of(3, 0);

  private final WorkerConfig config;
  private final PostgresSettings postgres;
  private final Clock clock;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private Jdbi web;
  private Jdbi worker;
  private LocalMasterKeyFile masterKey;
  private KmsClient kms;
  private CallObserver callObserver = CallObserver.NONE;
  private HardenedHttpClient http;

  public Services(WorkerConfig config) {
    this(config, Clock.systemUTC());
  }

  /** Wires with another clock, so tests and the provider sandbox can agree on "now". */
  public Services(WorkerConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.postgres =
        new PostgresSettings(
            config.databaseHost(),
            config.databasePort(),
            config.databaseName(),
            new DatabaseRoles(config.owner().name(), config.web().name(), config.worker().name()),
            config.databaseSslMode());
  }

  public Clock clock() {
    return clock;
  }

  /** Creates the database and roles when an admin user is configured, then applies migrations. */
  public void migrate(PrintStream out) {
    if (config.adminUser() != null) {
      try (HikariDataSource admin =
          DataSources.pool(postgres.withDatabase("postgres"), config.adminUser(), 1)) {
        DatabaseSetup.ensureDatabaseAndRoles(admin, postgres);
      }
    }
    // Flyway holds one connection for its lock and migrates on a second.
    try (HikariDataSource owner = pool(config.owner(), 2)) {
      int applied = Migrations.migrate(owner, postgres.roles());
      out.printf(
          "      database %s on %s:%d is up to date (%d migrations applied by this run)%n",
          postgres.database(), postgres.host(), postgres.port(), applied);
    }
  }

  public FindOrganizationUseCase organizations() {
    return new OrganizationService(new JdbiOrganizationRepository(web()), UUID::randomUUID);
  }

  public CreateOrganizationUseCase createOrganization() {
    return new OrganizationService(new JdbiOrganizationRepository(web()), UUID::randomUUID);
  }

  public AddProviderKeyUseCase addProviderKey() {
    return new AddProviderKeyService(
        new JdbiOrganizationRepository(web()),
        webKeys(),
        new EnvelopeKeySealer(dataKeys()),
        UUID::randomUUID,
        clock);
  }

  public ReplaceProviderKeyUseCase replaceProviderKey() {
    return new AddProviderKeyService(
        new JdbiOrganizationRepository(web()),
        webKeys(),
        new EnvelopeKeySealer(dataKeys()),
        UUID::randomUUID,
        clock);
  }

  public ProviderKeyRepository webKeys() {
    return new JdbiProviderKeyRepository(web());
  }

  public ReportSpendUseCase reportSpend() {
    return new ReportSpendService(
        new JdbiOrganizationRepository(web()), new JdbiSpendReadModel(web()), PriceTable.builtIn());
  }

  public IngestProviderKeyUseCase ingestion() {
    HardenedHttpClient client = http();
    return new IngestProviderKeyService(
        new JdbiProviderKeyRepository(worker()),
        new JdbiOrganizationRepository(worker()),
        new JdbiUsageRepository(worker()),
        new EnvelopeKeyOpener(unwrapper()),
        List.of(
            new OpenAiUsageSource(client, config.openAiBaseUrl(), clock),
            new AnthropicUsageSource(client, config.anthropicBaseUrl(), clock)),
        clock,
        IngestionSettings.DEFAULTS.withMaxBackfillDays(config.maxBackfillDays()));
  }

  /** Re-wraps data keys under the current master key, with the worker's database role. */
  public RewrapKeysUseCase rewrapKeys() {
    return new RewrapKeysService(
        new JdbiOrganizationRepository(worker()),
        new JdbiProviderKeyRepository(worker()),
        new EnvelopeKeyRewrapper(rewrapper()));
  }

  /**
   * Adds a version to the local master key file and returns its id.
   *
   * @throws ConfigException when the master key is an AWS KMS key, which is rotated in KMS
   */
  public String rotateLocalMasterKey() {
    if (config.masterKey().kind() != MasterKeyConfig.Kind.LOCAL) {
      throw new ConfigException(
          "the master key is an AWS KMS key, so rotate it in KMS: point RECKON_KMS_KEY_ID at the"
              + " new key, add the old key ARN to RECKON_KMS_PREVIOUS_KEY_IDS, restart the web and"
              + " worker processes, then run ./reckon keys rewrap");
    }
    return localMasterKey().addVersion();
  }

  /** Reads key health and takes dead-letter retries, with the worker's database role. */
  public KeyHealthUseCase keyHealth() {
    return new KeyHealthService(
        new JdbiProviderKeyRepository(worker()), new JdbiDeadLetterRepository(worker()), clock);
  }

  /** Deletes usage older than each organization's plan keeps. */
  public PruneUsageUseCase pruneUsage() {
    return new PruneUsageService(
        new JdbiOrganizationRepository(worker()),
        new JdbiUsageRetentionRepository(worker()),
        config.retention(),
        clock);
  }

  /** Builds the job scheduler with every job, without error reporting or metrics. */
  public JobRunner jobRunner() {
    return jobRunner(JobScope.NONE, JobMetrics.NONE);
  }

  /**
   * Builds the job scheduler: per-key ingestion, the reconciler, daily pruning, organization
   * deletion and background re-wrapping, on a pool of its own as the worker role.
   */
  public JobRunner jobRunner(JobScope scope, JobMetrics metrics) {
    JobSettings settings = config.jobs();
    JdbiProviderKeyRepository keys = new JdbiProviderKeyRepository(worker());
    JdbiDeadLetterRepository deadLetters = new JdbiDeadLetterRepository(worker());
    JdbiOrganizationRepository organizations = new JdbiOrganizationRepository(worker());
    DeleteOrganizationDataUseCase deletion =
        new DeleteOrganizationDataService(organizations, new JdbiOrganizationDataEraser(worker()));

    IngestKeyJob ingest =
        new IngestKeyJob(ingestion(), keys, deadLetters, settings, scope, metrics, clock);
    CustomTask<KeyJobData> ingestTask = ingest.task(settings.backoffBase());
    DeleteOrganizationJob delete =
        new DeleteOrganizationJob(
            orgId -> deletion.deleteAll(orgId, DELETION_BATCH_SIZE), scope, settings.backoffBase());
    RewrapKeysUseCase rewrap = rewrapKeys();
    OneTimeTask<Void> rewrapTask =
        Tasks.oneTime(REWRAP_TASK)
            .execute(
                (instance, context) ->
                    logRewrap(rewrap.rewrapAll(RewrapKeysUseCase.Progress.NONE)));

    AtomicReference<JobRunner> runner = new AtomicReference<>();
    ScheduleReconciler reconciler =
        new ScheduleReconciler(
            () -> runner.get().client(),
            ingestTask,
            ingest,
            keys,
            deadLetters,
            organizations::listDeletionRequests,
            delete,
            settings.reconcileInterval(),
            clock);
    PruneUsageUseCase pruner = pruneUsage();
    RecurringTask<Void> reconcile =
        Tasks.recurring(RECONCILE_TASK, FixedDelay.of(settings.reconcileInterval()))
            .execute((instance, context) -> reconciler.reconcile());
    RecurringTask<Void> prune =
        Tasks.recurring(PRUNE_TASK, Schedules.daily(PRUNE_TIME))
            .execute((instance, context) -> logPrune(pruner.pruneAll()));

    HikariDataSource pool = pool(config.worker(), settings.threads() + 3);
    JobRunner built =
        new JobRunner(
            pool,
            settings,
            config.workerName(),
            List.of(ingestTask, delete.task(), rewrapTask),
            List.of(reconcile, prune));
    runner.set(built);
    return built;
  }

  /**
   * Asks the running workers to re-wrap every data key in the background, now. Returns false when a
   * re-wrap is already scheduled.
   */
  public boolean scheduleRewrap() {
    SchedulerClient client =
        SchedulerClient.Builder.create(pool(config.worker(), 1))
            .tableName(JobRunner.TABLE)
            .serializer(new JacksonSerializer())
            .build();
    return client.scheduleIfNotExists(new TaskInstance<>(REWRAP_TASK, "all"), clock.instant());
  }

  private static void logRewrap(RewrapKeysUseCase.Summary summary) {
    LOG.atInfo()
        .addKeyValue("rewrapped", summary.rewrapped())
        .addKeyValue("already_current", summary.alreadyCurrent())
        .addKeyValue("failed", summary.failed())
        .addKeyValue("master_key_id", summary.currentMasterKeyId())
        .addKeyValue("retired", summary.retiredMasterKeyIds())
        .log("data keys re-wrapped");
  }

  private static void logPrune(PruneUsageUseCase.Summary summary) {
    LOG.atInfo()
        .addKeyValue("organizations", summary.organizations())
        .addKeyValue("usage_rows", summary.usageRows())
        .addKeyValue("cost_rows", summary.costRows())
        .log("expired usage pruned");
  }

  public WorkerLoop workerLoop() {
    return new WorkerLoop(new JdbiProviderKeyRepository(worker()), ingestion(), clock);
  }

  @Override
  public void close() {
    for (AutoCloseable closeable : closeables) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // Closing happens at exit; a pool that fails to close leaves nothing to clean up.
      }
    }
    closeables.clear();
  }

  private Jdbi web() {
    if (web == null) {
      web = ReckonJdbi.create(pool(config.web(), POOL_SIZE));
    }
    return web;
  }

  private Jdbi worker() {
    if (worker == null) {
      // Every job thread may hold a connection while it stores a window.
      worker =
          ReckonJdbi.create(
              pool(config.worker(), Math.max(POOL_SIZE, config.jobs().threads() + 2)));
    }
    return worker;
  }

  private HikariDataSource pool(WorkerConfig.DatabaseUser user, int size) {
    HikariDataSource pool;
    if (user.password() == null) {
      pool = DataSources.pool(postgres, user.name(), size);
    } else {
      try (SecretBytes password = SecretBytes.fromChars(user.password().toCharArray())) {
        pool = DataSources.pool(postgres, user.name(), password, size);
      }
    }
    closeables.add(pool);
    return pool;
  }

  private DataKeyGenerator dataKeys() {
    return config.masterKey().kind() == MasterKeyConfig.Kind.LOCAL
        ? localMasterKey()
        : new KmsDataKeyGenerator(kms(), config.masterKey().kms());
  }

  private DataKeyUnwrapper unwrapper() {
    return config.masterKey().kind() == MasterKeyConfig.Kind.LOCAL
        ? new LocalMasterKeyUnwrapper(localMasterKey())
        : new KmsDataKeyUnwrapper(kms(), config.masterKey().kms());
  }

  private DataKeyRewrapper rewrapper() {
    return config.masterKey().kind() == MasterKeyConfig.Kind.LOCAL
        ? new LocalMasterKeyRewrapper(localMasterKey())
        : new KmsDataKeyRewrapper(kms(), config.masterKey().kms());
  }

  private LocalMasterKeyFile localMasterKey() {
    if (masterKey == null) {
      masterKey =
          LocalMasterKeyFile.openOrCreate(config.masterKey().localFile(), config.production());
      closeables.add(masterKey);
    }
    return masterKey;
  }

  private KmsClient kms() {
    if (kms == null) {
      kms = KmsClients.create(config.masterKey().kms());
      closeables.add(kms);
    }
    return kms;
  }

  /**
   * Reports every provider call to {@code observer}, for the worker's metrics. Call it before the
   * first use of {@link #ingestion()} or {@link #jobRunner()}.
   */
  public void observeProviderCalls(CallObserver observer) {
    this.callObserver = Objects.requireNonNull(observer, "observer");
  }

  private HardenedHttpClient http() {
    if (http == null) {
      http =
          HardenedHttpClient.create(
              HttpClientSettings.forProduction()
                  .withMode(config.production(), config.allowLoopbackHttp())
                  .withCallObserver(callObserver));
    }
    return http;
  }
}
