package dev.reckon.ports.out;

import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.usage.CostBucket;
import dev.reckon.domain.usage.EntityName;
import dev.reckon.domain.usage.UsageBucket;
import java.util.List;

/**
 * Reads one provider's admin usage and cost endpoints with a customer's admin key. Read-only: it
 * sends GET requests only.
 *
 * <p>Every fetch drains all pages of the window before returning, so a caller never sees a partial
 * window. The admin key stays owned by the caller. Failures are thrown as subclasses of {@link
 * ProviderCallException}, whose messages never contain the key or a response body.
 */
public interface ProviderUsageSource {

  Provider provider();

  /**
   * Fetches hourly token usage grouped by model, project (workspace for Anthropic), API key and
   * service tier. The window must be aligned to whole hours and must not end after now.
   */
  List<UsageBucket> fetchUsage(SecretBytes adminKey, TimeWindow window, FetchProgress progress);

  /**
   * Fetches daily billed cost grouped by project (workspace) and line item. The window must be
   * aligned to UTC midnights and must not end after now.
   */
  List<CostBucket> fetchCosts(SecretBytes adminKey, TimeWindow window, FetchProgress progress);

  /** Fetches the names of the organization's projects or workspaces and API keys. */
  List<EntityName> fetchNames(SecretBytes adminKey);
}
