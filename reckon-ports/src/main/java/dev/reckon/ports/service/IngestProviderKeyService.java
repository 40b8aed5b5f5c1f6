package dev.reckon.ports.service;

import dev.reckon.domain.key.ProviderKeyStatus;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.usage.BucketWidth;
import dev.reckon.domain.usage.CostBucket;
import dev.reckon.domain.usage.Dataset;
import dev.reckon.domain.usage.UsageBucket;
import dev.reckon.ports.in.IngestCommand;
import dev.reckon.ports.in.IngestProviderKeyUseCase;
import dev.reckon.ports.in.IngestionProgress;
import dev.reckon.ports.in.IngestionResult;
import dev.reckon.ports.in.NoSuchOrganizationException;
import dev.reckon.ports.in.NoSuchProviderKeyException;
import dev.reckon.ports.out.FetchProgress;
import dev.reckon.ports.out.KeyOpener;
import dev.reckon.ports.out.OrganizationRepository;
import dev.reckon.ports.out.ProviderCallException;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.out.ProviderKeyRejectedException;
import dev.reckon.ports.out.ProviderKeyRepository;
import dev.reckon.ports.out.ProviderResponseInvalidException;
import dev.reckon.ports.out.ProviderUsageSource;
import dev.reckon.ports.out.UsageRepository;
import dev.reckon.ports.out.WindowScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Polls one provider key and replaces its stored usage and cost window by window. */
public final class IngestProviderKeyService implements IngestProviderKeyUseCase {

  private final ProviderKeyRepository keys;
  private final OrganizationRepository organizations;
  private final UsageRepository usage;
  private final KeyOpener opener;
  private final Map<Provider, ProviderUsageSource> sources;
  private final Clock clock;
  private final IngestionSettings settings;

  public IngestProviderKeyService(
      ProviderKeyRepository keys,
      OrganizationRepository organizations,
      UsageRepository usage,
      KeyOpener opener,
      List<ProviderUsageSource> sources,
      Clock clock,
      IngestionSettings settings) {
    this.keys = keys;
    this.organizations = organizations;
    this.usage = usage;
    this.opener = opener;
    this.sources = new EnumMap<>(Provider.class);
    for (ProviderUsageSource source : sources) {
      this.sources.put(source.provider(), source);
    }
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public IngestionResult ingest(IngestCommand command) {
    ProviderKeyRecord key =
        keys.find(command.orgId(), command.keyId())
            .orElseThrow(
                () ->
                    new NoSuchProviderKeyException(
                        "provider key "
                            + command.keyId()
                            + " not found in organization "
                            + command.orgId()));
    if (key.status() != ProviderKeyStatus.ACTIVE) {
      return new IngestionResult(
          key.id(), IngestionResult.Outcome.SKIPPED, 0, 0, "the key is " + key.status().id());
    }
    Organization organization =
        organizations
            .find(command.orgId())
            .orElseThrow(
                () ->
                    new NoSuchOrganizationException(
                        "organization " + command.orgId() + " not found"));
    ProviderUsageSource source = sources.get(key.provider());
    if (source == null) {
      throw new IllegalStateException(
          "no client is configured for provider " + key.provider().id());
    }

    Instant now = clock.instant();
    int backfillDays = Math.min(organization.plan().retentionDays(), settings.maxBackfillDays());
    try (SecretBytes adminKey = opener.open(key.sealed(), key.binding())) {
      String namesProblem = refreshNames(key, source, adminKey);
      long usageRows =
          ingestDataset(
              key,
              Dataset.USAGE,
              BucketWidth.HOUR,
              settings.usageLookBack(),
              backfillDays,
              now,
              command.progress(),
              (window, progress) ->
                  storeUsage(key, window, source.fetchUsage(adminKey, window, progress)));
      long costRows =
          ingestDataset(
              key,
              Dataset.COST,
              BucketWidth.DAY,
              settings.costLookBack(),
              backfillDays,
              now,
              command.progress(),
              (window, progress) ->
                  storeCosts(key, window, source.fetchCosts(adminKey, window, progress)));
      keys.recordSuccess(key.orgId(), key.id(), now);
      return new IngestionResult(
          key.id(), IngestionResult.Outcome.INGESTED, usageRows, costRows, namesProblem);
    } catch (ProviderKeyRejectedException rejected) {
      keys.markNeedsAttention(key.orgId(), key.id(), rejected.reason());
      return new IngestionResult(
          key.id(), IngestionResult.Outcome.KEY_REJECTED, 0, 0, rejected.reason());
    }
  }

  /**
   * Stores the provider's names for project and API key ids. Names are for display only, so a
   * failure other than a rejected key does not stop ingestion; it is returned as a detail instead.
   */
  private String refreshNames(
      ProviderKeyRecord key, ProviderUsageSource source, SecretBytes adminKey) {
    try {
      usage.saveNames(key.orgId(), key.id(), source.fetchNames(adminKey));
      return null;
    } catch (ProviderKeyRejectedException rejected) {
      throw rejected;
    } catch (ProviderCallException e) {
      return "names not refreshed: " + e.getMessage();
    }
  }

  private long ingestDataset(
      ProviderKeyRecord key,
      Dataset dataset,
      BucketWidth width,
      Duration lookBack,
      int backfillDays,
      Instant now,
      IngestionProgress progress,
      ChunkIngester ingester) {
    List<TimeWindow> chunks =
        WindowPlanner.plan(
            usage.watermark(key.orgId(), key.id(), dataset),
            now,
            width,
            lookBack,
            backfillDays,
            settings.chunk());
    if (chunks.isEmpty()) {
      return 0;
    }
    Instant start = chunks.get(0).start();
    long daysTotal = daysBetween(start, chunks.get(chunks.size() - 1).end());
    Function<Instant, IngestionProgress.Event> event =
        until ->
            new IngestionProgress.Event(
                key.id(),
                key.provider(),
                key.hint(),
                dataset,
                daysBetween(start, until),
                daysTotal);
    long rows = 0;
    for (TimeWindow chunk : chunks) {
      progress.windowStarted(dataset, chunk);
      rows += ingester.ingest(chunk, until -> progress.report(event.apply(until)));
      progress.report(event.apply(chunk.end()));
    }
    return rows;
  }

  private int storeUsage(ProviderKeyRecord key, TimeWindow window, List<UsageBucket> fetched) {
    Map<UsageBucket.Key, UsageBucket> merged = new LinkedHashMap<>();
    for (UsageBucket bucket : fetched) {
      requireInside(key, window, bucket.start());
      merged.merge(bucket.key(), bucket, UsageBucket::plus);
    }
    usage.replaceUsage(scope(key, window), new ArrayList<>(merged.values()));
    return merged.size();
  }

  private int storeCosts(ProviderKeyRecord key, TimeWindow window, List<CostBucket> fetched) {
    Map<CostBucket.Key, CostBucket> merged = new LinkedHashMap<>();
    for (CostBucket bucket : fetched) {
      requireInside(key, window, bucket.start());
      merged.merge(bucket.key(), bucket, CostBucket::plus);
    }
    usage.replaceCosts(scope(key, window), new ArrayList<>(merged.values()));
    return merged.size();
  }

  private static WindowScope scope(ProviderKeyRecord key, TimeWindow window) {
    return new WindowScope(key.orgId(), key.id(), key.provider(), window);
  }

  private static void requireInside(ProviderKeyRecord key, TimeWindow window, Instant start) {
    if (!window.contains(start)) {
      throw new ProviderResponseInvalidException(
          key.provider(),
          0,
          null,
          null,
          "returned a bucket starting at " + start + ", outside the requested window " + window,
          null);
    }
  }

  private static long daysBetween(Instant start, Instant end) {
    return Duration.between(start, end).plusHours(23).toDays();
  }

  /** Fetches and stores one chunk, returning the number of rows stored. */
  @FunctionalInterface
  private interface ChunkIngester {
    int ingest(TimeWindow window, FetchProgress progress);
  }
}
