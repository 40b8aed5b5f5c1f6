package dev.reckon.adapter.postgres;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.domain.usage.CostBucket;
import dev.reckon.domain.usage.Dataset;
import dev.reckon.domain.usage.EntityName;
import dev.reckon.domain.usage.UsageBucket;
import dev.reckon.ports.out.UsageRepository;
import dev.reckon.ports.out.WindowScope;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Usage and cost buckets, watermarks and provider names, written by the worker role.
 *
 * <p>A replace runs as one transaction. For each span of the window it runs one multi-row upsert
 * from arrays ({@code insert ... select from unnest(...)}), then looks up the span's stored keys
 * the batch did not contain and deletes them; finally it sets the watermark. {@code COPY FROM}
 * would be faster but PostgreSQL rejects it on tables with row-level security.
 */
public final class JdbiUsageRepository implements UsageRepository {

  static final int DEFAULT_MAX_ROWS_PER_STATEMENT = 10_000;

  private static final WindowBatches.Shape<UsageBucket> USAGE =
      new WindowBatches.Shape<>(UsageBucket::start, UsageBucket::provider, UsageBucket::key);
  private static final WindowBatches.Shape<CostBucket> COST =
      new WindowBatches.Shape<>(CostBucket::start, CostBucket::provider, CostBucket::key);

  private final TenantTransactions transactions;
  private final int maxRowsPerStatement;

  /**
   * @param jdbi created with {@link ReckonJdbi#create} over a pool of the worker role
   */
  public JdbiUsageRepository(Jdbi jdbi) {
    this(jdbi, DEFAULT_MAX_ROWS_PER_STATEMENT);
  }

  JdbiUsageRepository(Jdbi jdbi, int maxRowsPerStatement) {
    if (maxRowsPerStatement < 1) {
      throw new IllegalArgumentException(
          "'maxRowsPerStatement' must be at least 1 (was " + maxRowsPerStatement + ")");
    }
    this.transactions = new TenantTransactions(jdbi);
    this.maxRowsPerStatement = maxRowsPerStatement;
  }

  @Override
  public void replaceUsage(WindowScope scope, List<UsageBucket> buckets) {
    WindowBatches.requireValid(scope, buckets, USAGE);
    var chunks =
        WindowBatches.split(scope.window(), buckets, UsageBucket::start, maxRowsPerStatement);
    transactions.inOrg(
        scope.orgId(),
        "replace usage of provider key " + scope.keyId(),
        handle -> {
          for (var chunk : chunks) {
            UsageStatements.replaceSpan(handle, scope, chunk.span(), chunk.buckets());
          }
          return setWatermark(handle, scope, Dataset.USAGE);
        });
  }

  @Override
  public void replaceCosts(WindowScope scope, List<CostBucket> buckets) {
    WindowBatches.requireValid(scope, buckets, COST);
    var chunks =
        WindowBatches.split(scope.window(), buckets, CostBucket::start, maxRowsPerStatement);
    transactions.inOrg(
        scope.orgId(),
        "replace costs of provider key " + scope.keyId(),
        handle -> {
          for (var chunk : chunks) {
            CostStatements.replaceSpan(handle, scope, chunk.span(), chunk.buckets());
          }
          return setWatermark(handle, scope, Dataset.COST);
        });
  }

  @Override
  public Optional<Instant> watermark(OrgId orgId, ProviderKeyId keyId, Dataset dataset) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(dataset, "dataset");
    return transactions.inOrg(
        orgId,
        "read " + dataset.id() + " watermark of provider key " + keyId,
        handle ->
            handle
                .createQuery(
                    "select watermark from reckon.ingestion_watermarks"
                        + " where org_id = :org and provider_key_id = :key and dataset = :dataset")
                .bind("org", orgId.value())
                .bind("key", keyId.value())
                .bind("dataset", dataset.id())
                .mapTo(OffsetDateTime.class)
                .findOne()
                .map(OffsetDateTime::toInstant));
  }

  @Override
  public void saveNames(OrgId orgId, ProviderKeyId keyId, List<EntityName> names) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(names, "names");
    // One statement cannot update a row twice, so a repeated id keeps only its last name.
    Map<List<String>, EntityName> latest = new LinkedHashMap<>();
    for (EntityName name : names) {
      latest.put(List.of(kind(name.kind()), name.externalId()), name);
    }
    if (latest.isEmpty()) {
      return;
    }
    transactions.inOrg(
        orgId,
        "save provider names of provider key " + keyId,
        handle ->
            handle
                .createUpdate(
                    """
                    insert into reckon.provider_names as stored
                        (org_id, provider_key_id, kind, external_id, name)
                    select :org, :key, n.kind, n.external_id, n.name
                    from unnest(:kinds, :ids, :names) as n(kind, external_id, name)
                    on conflict (org_id, provider_key_id, kind, external_id)
                    do update set name = excluded.name
                    where stored.name is distinct from excluded.name
                    """)
                .bind("org", orgId.value())
                .bind("key", keyId.value())
                .bindArray(
                    "kinds",
                    String.class,
                    latest.values().stream().map(n -> kind(n.kind())).toArray())
                .bindArray(
                    "ids",
                    String.class,
                    latest.values().stream().map(EntityName::externalId).toArray())
                .bindArray(
                    "names", String.class, latest.values().stream().map(EntityName::name).toArray())
                .execute());
  }

  static String kind(EntityName.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  private static int setWatermark(Handle handle, WindowScope scope, Dataset dataset) {
    return handle
        .createUpdate(
            """
            insert into reckon.ingestion_watermarks (org_id, provider_key_id, dataset, watermark)
            values (:org, :key, :dataset, :watermark)
            on conflict (org_id, provider_key_id, dataset)
            do update set watermark = excluded.watermark
            """)
        .bind("org", scope.orgId().value())
        .bind("key", scope.keyId().value())
        .bind("dataset", dataset.id())
        .bind("watermark", SqlValues.timestamp(scope.window().end()))
        .execute();
  }
}
