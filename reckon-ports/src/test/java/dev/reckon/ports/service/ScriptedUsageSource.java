package dev.reckon.ports.service;

import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.usage.CostBucket;
import dev.reckon.domain.usage.EntityName;
import dev.reckon.domain.usage.UsageBucket;
import dev.reckon.ports.out.FetchProgress;
import dev.reckon.ports.out.ProviderCallException;
import dev.reckon.ports.out.ProviderUsageSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A provider source whose responses a test scripts per window, recording every call. */
final class ScriptedUsageSource implements ProviderUsageSource {

  final List<TimeWindow> usageWindows = new ArrayList<>();
  final List<TimeWindow> costWindows = new ArrayList<>();
  Function<TimeWindow, List<UsageBucket>> usage = window -> List.of();
  Function<TimeWindow, List<CostBucket>> costs = window -> List.of();
  ProviderCallException namesFailure;
  List<EntityName> names = List.of();
  boolean keyWasLiveOnEveryCall = true;

  @Override
  public Provider provider() {
    return Provider.OPENAI;
  }

  @Override
  public List<UsageBucket> fetchUsage(
      SecretBytes adminKey, TimeWindow window, FetchProgress progress) {
    keyWasLiveOnEveryCall &= !adminKey.isDestroyed();
    usageWindows.add(window);
    List<UsageBucket> buckets = usage.apply(window);
    progress.pageFetched(window.end());
    return buckets;
  }

  @Override
  public List<CostBucket> fetchCosts(
      SecretBytes adminKey, TimeWindow window, FetchProgress progress) {
    keyWasLiveOnEveryCall &= !adminKey.isDestroyed();
    costWindows.add(window);
    return costs.apply(window);
  }

  @Override
  public List<EntityName> fetchNames(SecretBytes adminKey) {
    keyWasLiveOnEveryCall &= !adminKey.isDestroyed();
    if (namesFailure != null) {
      throw namesFailure;
    }
    return names;
  }
}
