package dev.reckon.adapter.postgres;

import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.usage.CostBucket;
import dev.reckon.ports.out.WindowScope;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/** The statements that replace one span of a key's cost buckets, shaped like the usage ones. */
final class CostStatements {

  // Amounts travel as decimal text and are cast to numeric in the database, so no binary floating
  // point ever touches them. Assign-only, like the usage upsert. Amounts are compared as text so
  // that a change of scale alone (1.5 to 1.50) is stored too.
  private static final String UPSERT =
      """
      insert into reckon.cost_buckets as stored (
          org_id, provider_key_id, provider, bucket_start, project, line_item, model, token_type,
          service_tier, amount, currency)
      select :org, :key, :provider, pg_catalog.to_timestamp(b.start_epoch), b.project,
          b.line_item, b.model, b.token_type, b.service_tier, b.amount::numeric, b.currency
      from unnest(:starts, :projects, :lineItems, :models, :tokenTypes, :serviceTiers,
          :amounts, :currencies)
          as b(start_epoch, project, line_item, model, token_type, service_tier, amount, currency)
      on conflict (org_id, provider_key_id, bucket_start, project, line_item, model, token_type,
          service_tier)
      do update set
          provider = excluded.provider,
          amount = excluded.amount,
          currency = excluded.currency
      where (stored.provider, stored.amount::text, stored.currency)
          is distinct from (excluded.provider, excluded.amount::text, excluded.currency)
      """;

  // A set difference, then a delete by key, for the reason given with the usage statements.
  private static final String SELECT_MISSING =
      """
      select extract(epoch from bucket_start)::bigint as start_epoch, project, line_item, model,
          token_type, service_tier
      from reckon.cost_buckets
      where org_id = :org
          and provider_key_id = :key
          and bucket_start >= :from
          and bucket_start < :to
      except
      select b.start_epoch, b.project, b.line_item, b.model, b.token_type, b.service_tier
      from unnest(:starts, :projects, :lineItems, :models, :tokenTypes, :serviceTiers)
          as b(start_epoch, project, line_item, model, token_type, service_tier)
      """;

  private static final String DELETE_KEYS =
      """
      delete from reckon.cost_buckets stored
      using unnest(:starts, :projects, :lineItems, :models, :tokenTypes, :serviceTiers)
          as gone(start_epoch, project, line_item, model, token_type, service_tier)
      where stored.org_id = :org
          and stored.provider_key_id = :key
          and stored.bucket_start = pg_catalog.to_timestamp(gone.start_epoch)
          and stored.project = gone.project
          and stored.line_item = gone.line_item
          and stored.model = gone.model
          and stored.token_type = gone.token_type
          and stored.service_tier = gone.service_tier
      """;

  private CostStatements() {}

  /** Writes the buckets of one span, then deletes the key's other buckets in that span. */
  static void replaceSpan(
      Handle handle, WindowScope scope, TimeWindow span, List<CostBucket> buckets) {
    Keys keys = Keys.of(buckets);
    if (!buckets.isEmpty()) {
      bindValues(keys.bind(handle.createUpdate(UPSERT), scope), scope, buckets).execute();
    }

    Keys missing =
        keys.bind(handle.createQuery(SELECT_MISSING), scope)
            .bind("from", SqlValues.timestamp(span.start()))
            .bind("to", SqlValues.timestamp(span.end()))
            .map(
                (rs, ctx) ->
                    new Key(
                        rs.getLong("start_epoch"),
                        rs.getString("project"),
                        rs.getString("line_item"),
                        rs.getString("model"),
                        rs.getString("token_type"),
                        rs.getString("service_tier")))
            .collect(Collectors.collectingAndThen(Collectors.toList(), Keys::new));
    if (missing.size() > 0) {
      missing.bind(handle.createUpdate(DELETE_KEYS), scope).execute();
    }
  }

  private static <S extends SqlStatement<S>> S bindValues(
      S statement, WindowScope scope, List<CostBucket> buckets) {
    return statement
        .bind("provider", scope.provider().id())
        .bindArray(
            "amounts",
            String.class,
            buckets.stream().map(b -> b.amount().amount().toPlainString()).toArray())
        .bindArray(
            "currencies", String.class, buckets.stream().map(b -> b.amount().currency()).toArray());
  }

  /** The identity of one cost bucket within its provider key's data, as stored. */
  private record Key(
      long startEpoch,
      String project,
      String lineItem,
      String model,
      String tokenType,
      String serviceTier) {

    static Key of(CostBucket bucket) {
      return new Key(
          bucket.start().getEpochSecond(),
          bucket.project(),
          bucket.lineItem(),
          bucket.model(),
          bucket.tokenType(),
          bucket.serviceTier());
    }
  }

  /** Bucket keys as one array per column, the shape {@code unnest} takes. */
  private record Keys(List<Key> keys) {

    static Keys of(List<CostBucket> buckets) {
      List<Key> keys = new ArrayList<>(buckets.size());
      buckets.forEach(bucket -> keys.add(Key.of(bucket)));
      return new Keys(keys);
    }

    int size() {
      return keys.size();
    }

    <S extends SqlStatement<S>> S bind(S statement, WindowScope scope) {
      return statement
          .bind("org", scope.orgId().value())
          .bind("key", scope.keyId().value())
          .bindArray("starts", Long.class, keys.stream().map(Key::startEpoch).toArray())
          .bindArray("projects", String.class, keys.stream().map(Key::project).toArray())
          .bindArray("lineItems", String.class, keys.stream().map(Key::lineItem).toArray())
          .bindArray("models", String.class, keys.stream().map(Key::model).toArray())
          .bindArray("tokenTypes", String.class, keys.stream().map(Key::tokenType).toArray())
          .bindArray("serviceTiers", String.class, keys.stream().map(Key::serviceTier).toArray());
    }
  }
}
