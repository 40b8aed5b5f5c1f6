package dev.reckon.adapter.postgres;

import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.usage.UsageBucket;
import dev.reckon.ports.out.WindowScope;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/** The statements that replace one span of a key's usage buckets. */
final class UsageStatements {

  // Assigns every value (never adds to the stored one), so writing a bucket twice stores it once.
  // The WHERE clause skips rows whose values did not change, so re-polling an unchanged window
  // writes no new row versions.
  private static final String UPSERT =
      """
      insert into reckon.usage_buckets as stored (
          org_id, provider_key_id, provider, bucket_width, bucket_start, model, project, api_key,
          service_tier, uncached_input, cached_input, cache_write_5m, cache_write_1h,
          output_tokens, requests)
      select :org, :key, :provider, b.bucket_width, pg_catalog.to_timestamp(b.start_epoch),
          b.model, b.project, b.api_key, b.service_tier, b.uncached_input, b.cached_input,
          b.cache_write_5m, b.cache_write_1h, b.output_tokens, b.requests
      from unnest(:widths, :starts, :models, :projects, :apiKeys, :serviceTiers,
          :uncached, :cached, :write5m, :write1h, :output, :requests)
          as b(bucket_width, start_epoch, model, project, api_key, service_tier,
              uncached_input, cached_input, cache_write_5m, cache_write_1h, output_tokens,
              requests)
      on conflict (org_id, provider_key_id, bucket_width, bucket_start, model, project, api_key,
          service_tier)
      do update set
          provider = excluded.provider,
          uncached_input = excluded.uncached_input,
          cached_input = excluded.cached_input,
          cache_write_5m = excluded.cache_write_5m,
          cache_write_1h = excluded.cache_write_1h,
          output_tokens = excluded.output_tokens,
          requests = excluded.requests
      where (stored.provider, stored.uncached_input, stored.cached_input, stored.cache_write_5m,
              stored.cache_write_1h, stored.output_tokens, stored.requests)
          is distinct from (excluded.provider, excluded.uncached_input, excluded.cached_input,
              excluded.cache_write_5m, excluded.cache_write_1h, excluded.output_tokens,
              excluded.requests)
      """;

  // The keys stored in the span minus the keys of the batch. A set operation runs as one hash or
  // sort whatever the planner estimates. A delete joined against the batch could become a nested
  // loop over both lists when statistics are stale, as on a newly filled table. bucket_width is
  // listed because it precedes bucket_start in the primary key, so the span is an index range.
  private static final String SELECT_MISSING =
      """
      select bucket_width, extract(epoch from bucket_start)::bigint as start_epoch, model,
          project, api_key, service_tier
      from reckon.usage_buckets
      where org_id = :org
          and provider_key_id = :key
          and bucket_width in ('1h', '1d')
          and bucket_start >= :from
          and bucket_start < :to
      except
      select b.bucket_width, b.start_epoch, b.model, b.project, b.api_key, b.service_tier
      from unnest(:widths, :starts, :models, :projects, :apiKeys, :serviceTiers)
          as b(bucket_width, start_epoch, model, project, api_key, service_tier)
      """;

  private static final String DELETE_KEYS =
      """
      delete from reckon.usage_buckets stored
      using unnest(:widths, :starts, :models, :projects, :apiKeys, :serviceTiers)
          as gone(bucket_width, start_epoch, model, project, api_key, service_tier)
      where stored.org_id = :org
          and stored.provider_key_id = :key
          and stored.bucket_width = gone.bucket_width
          and stored.bucket_start = pg_catalog.to_timestamp(gone.start_epoch)
          and stored.model = gone.model
          and stored.project = gone.project
          and stored.api_key = gone.api_key
          and stored.service_tier = gone.service_tier
      """;

  private UsageStatements() {}

  /** Writes the buckets of one span, then deletes the key's other buckets in that span. */
  static void replaceSpan(
      Handle handle, WindowScope scope, TimeWindow span, List<UsageBucket> buckets) {
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
                        rs.getString("bucket_width"),
                        rs.getLong("start_epoch"),
                        rs.getString("model"),
                        rs.getString("project"),
                        rs.getString("api_key"),
                        rs.getString("service_tier")))
            .collect(Collectors.collectingAndThen(Collectors.toList(), Keys::new));
    if (missing.size() > 0) {
      missing.bind(handle.createUpdate(DELETE_KEYS), scope).execute();
    }
  }

  private static <S extends SqlStatement<S>> S bindValues(
      S statement, WindowScope scope, List<UsageBucket> buckets) {
    int n = buckets.size();
    Long[] uncached = new Long[n];
    Long[] cached = new Long[n];
    Long[] write5m = new Long[n];
    Long[] write1h = new Long[n];
    Long[] output = new Long[n];
    Long[] requests = new Long[n];
    for (int i = 0; i < n; i++) {
      UsageBucket b = buckets.get(i);
      uncached[i] = b.tokens().uncachedInput();
      cached[i] = b.tokens().cachedInput();
      write5m[i] = b.tokens().cacheWrite5m();
      write1h[i] = b.tokens().cacheWrite1h();
      output[i] = b.tokens().output();
      requests[i] = b.requests();
    }
    return statement
        .bind("provider", scope.provider().id())
        .bindArray("uncached", Long.class, (Object[]) uncached)
        .bindArray("cached", Long.class, (Object[]) cached)
        .bindArray("write5m", Long.class, (Object[]) write5m)
        .bindArray("write1h", Long.class, (Object[]) write1h)
        .bindArray("output", Long.class, (Object[]) output)
        .bindArray("requests", Long.class, (Object[]) requests);
  }

  /** The identity of one usage bucket within its provider key's data, as stored. */
  private record Key(
      String width,
      long startEpoch,
      String model,
      String project,
      String apiKey,
      String serviceTier) {

    static Key of(UsageBucket bucket) {
      // Buckets start on whole hours or days, so whole epoch seconds are exact.
      return new Key(
          bucket.width().wireName(),
          bucket.start().getEpochSecond(),
          bucket.model(),
          bucket.project(),
          bucket.apiKey(),
          bucket.serviceTier());
    }
  }

  /** Bucket keys as one array per column, the shape {@code unnest} takes. */
  private record Keys(List<Key> keys) {

    static Keys of(List<UsageBucket> buckets) {
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
          .bindArray("widths", String.class, keys.stream().map(Key::width).toArray())
          .bindArray("starts", Long.class, keys.stream().map(Key::startEpoch).toArray())
          .bindArray("models", String.class, keys.stream().map(Key::model).toArray())
          .bindArray("projects", String.class, keys.stream().map(Key::project).toArray())
          .bindArray("apiKeys", String.class, keys.stream().map(Key::apiKey).toArray())
          .bindArray("serviceTiers", String.class, keys.stream().map(Key::serviceTier).toArray());
    }
  }
}
