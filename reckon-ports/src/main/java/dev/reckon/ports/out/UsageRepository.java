package dev.reckon.ports.out;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.domain.usage.CostBucket;
import dev.reckon.domain.usage.Dataset;
import dev.reckon.domain.usage.EntityName;
import dev.reckon.domain.usage.UsageBucket;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored usage and cost buckets and the ingestion watermarks.
 *
 * <p>The replace methods are idempotent: calling one twice with the same arguments leaves the same
 * rows as calling it once. Each runs in one transaction, so on failure nothing of the window is
 * written and the watermark does not move.
 */
public interface UsageRepository {

  /**
   * Makes the key's stored usage buckets that start inside the window exactly {@code buckets}
   * (updating, inserting and deleting as needed) and sets the key's usage watermark to the window
   * end. Buckets must be unique by {@link UsageBucket#key()} and start inside the window.
   */
  void replaceUsage(WindowScope scope, List<UsageBucket> buckets);

  /** Does for cost buckets what {@link #replaceUsage} does for usage buckets. */
  void replaceCosts(WindowScope scope, List<CostBucket> buckets);

  /** Returns the end of the last committed window of the dataset, if any. */
  Optional<Instant> watermark(OrgId orgId, ProviderKeyId keyId, Dataset dataset);

  /** Stores the latest known names for provider ids, replacing older names of the same ids. */
  void saveNames(OrgId orgId, ProviderKeyId keyId, List<EntityName> names);
}
