package dev.reckon.web.wiring;

import com.zaxxer.hikari.HikariDataSource;
import dev.reckon.adapter.kms.DataKeyGenerator;
import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.GeneratedDataKey;
import dev.reckon.adapter.kms.MasterKeyConfig;
import dev.reckon.adapter.kms.aws.KmsClients;
import dev.reckon.adapter.kms.aws.KmsDataKeyGenerator;
import dev.reckon.adapter.kms.aws.KmsSettings;
import dev.reckon.adapter.kms.local.LocalMasterKeyFile;
import dev.reckon.adapter.kms.sealing.EnvelopeKeySealer;
import dev.reckon.adapter.postgres.DataSources;
import dev.reckon.adapter.postgres.DatabaseRoles;
import dev.reckon.adapter.postgres.JdbiDeadLetterRepository;
import dev.reckon.adapter.postgres.JdbiOrganizationRepository;
import dev.reckon.adapter.postgres.JdbiProviderKeyRepository;
import dev.reckon.adapter.postgres.JdbiSpendReadModel;
import dev.reckon.adapter.postgres.Migrations;
import dev.reckon.adapter.postgres.PostgresSettings;
import dev.reckon.adapter.postgres.ReckonJdbi;
import dev.reckon.domain.pricing.PriceTable;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.ports.service.AddProviderKeyService;
import dev.reckon.ports.service.KeyHealthService;
import dev.reckon.ports.service.OrganizationService;
import dev.reckon.ports.service.ProviderKeyManagementService;
import dev.reckon.ports.service.ReportSpendService;
import dev.reckon.ports.service.RequestDataDeletionService;
import dev.reckon.ports.service.ResolveOrganizationService;
import dev.reckon.ports.service.SpendTimeseriesService;
import dev.reckon.web.WebServices;
import dev.reckon.web.auth.AuthSettings;
import dev.reckon.web.auth.ClerkSessionVerifier;
import dev.reckon.web.auth.DevSigningKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Builds the web API's services from its configuration: PostgreSQL as the web role, the sealing
 * half of the envelope adapter (the web tier has no opening code) and the session verifier.
 */
public final class WebWiring implements AutoCloseable {

  private static final int POOL_SIZE = 8;

  private final HikariDataSource pool;
  private final DataKeyGenerator dataKeys;
  private final WebServices services;

  public WebWiring(WebConfig config, Clock clock) {
    PostgresSettings postgres =
        new PostgresSettings(
            config.databaseHost(),
            config.databasePort(),
            config.databaseName(),
            DatabaseRoles.standard(),
            config.databaseSslMode());
    this.pool = pool(postgres, config);
    this.dataKeys = dataKeys(config);
    Jdbi jdbi = ReckonJdbi.create(pool);

    JdbiOrganizationRepository organizations = new JdbiOrganizationRepository(jdbi);
    JdbiProviderKeyRepository keys = new JdbiProviderKeyRepository(jdbi);
    JdbiSpendReadModel spend = new JdbiSpendReadModel(jdbi);
    PriceTable prices = PriceTable.builtIn();
    this.services =
        new WebServices(
            new ClerkSessionVerifier(authSettings(config), clock),
            new ResolveOrganizationService(organizations, UUID::randomUUID),
            new OrganizationService(organizations, UUID::randomUUID),
            new ProviderKeyManagementService(keys),
            new AddProviderKeyService(
                organizations, keys, new EnvelopeKeySealer(dataKeys), UUID::randomUUID, clock),
            new ReportSpendService(organizations, spend, prices),
            new SpendTimeseriesService(organizations, spend, prices),
            new RequestDataDeletionService(organizations, clock),
            // The web role may read dead letters but update only their retry_requested_at.
            new KeyHealthService(keys, new JdbiDeadLetterRepository(jdbi), clock),
            config.retention(),
            () -> databaseFailures(jdbi));
  }

  public WebServices services() {
    return services;
  }

  @Override
  public void close() {
    pool.close();
    if (dataKeys instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // Closing zeroes keys in memory or releases an HTTP client, so nothing is left to undo.
      }
    }
  }

  /** Returns the sealing half of the configured master key, which the caller closes. */
  private static DataKeyGenerator dataKeys(WebConfig config) {
    MasterKeyConfig masterKey = config.masterKey();
    if (masterKey.kind() == MasterKeyConfig.Kind.LOCAL) {
      return LocalMasterKeyFile.openOrCreate(masterKey.localFile(), config.production());
    }
    return new ClosingKmsDataKeyGenerator(masterKey.kms());
  }

  /** A KMS data key generator that owns its client. */
  private static final class ClosingKmsDataKeyGenerator implements DataKeyGenerator, AutoCloseable {

    private final KmsClient client;
    private final KmsDataKeyGenerator generator;

    ClosingKmsDataKeyGenerator(KmsSettings settings) {
      this.client = KmsClients.create(settings);
      this.generator = new KmsDataKeyGenerator(client, settings);
    }

    @Override
    public GeneratedDataKey generateDataKey(EncryptionContext context) {
      return generator.generateDataKey(context);
    }

    @Override
    public void close() {
      client.close();
    }

    @Override
    public String toString() {
      return generator.toString();
    }
  }

  private static HikariDataSource pool(PostgresSettings postgres, WebConfig config) {
    if (config.webPassword() == null) {
      return DataSources.pool(postgres, config.webUser(), POOL_SIZE);
    }
    try (SecretBytes password = SecretBytes.fromChars(config.webPassword().toCharArray())) {
      return DataSources.pool(postgres, config.webUser(), password, POOL_SIZE);
    }
  }

  private static AuthSettings authSettings(WebConfig config) {
    AuthSettings settings;
    if (!config.usesClerk()) {
      settings = AuthSettings.development(DevSigningKeys.loadOrCreate(config.devKeysFolder()));
    } else if (config.clerkJwksUrl() != null) {
      settings =
          AuthSettings.fromJwks(config.production(), config.clerkIssuer(), config.clerkJwksUrl());
    } else {
      settings = AuthSettings.fromPem(config.production(), config.clerkIssuer(), readPem(config));
    }
    return config.authorizedParties().isEmpty()
        ? settings
        : settings.withAuthorizedParties(config.authorizedParties());
  }

  private static String readPem(WebConfig config) {
    try {
      return Files.readString(config.clerkPublicKeyFile());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "failed to read RECKON_CLERK_PUBLIC_KEY_FILE " + config.clerkPublicKeyFile(), e);
    }
  }

  /** Checks that the database accepts the web role and carries this build's migrations. */
  private static List<String> databaseFailures(Jdbi jdbi) {
    int applied;
    try {
      applied = Migrations.appliedVersion(jdbi);
    } catch (RuntimeException e) {
      return List.of("database unreachable");
    }
    if (applied < Migrations.LATEST_VERSION) {
      return List.of("database migrations behind: run reckon migrate");
    }
    return List.of();
  }
}
