package dev.reckon.worker.jobs;

import dev.reckon.adapter.sentry.OrgScope;
import dev.reckon.domain.shared.OrgId;
import java.util.function.Supplier;

/**
 * Runs each job in a Sentry scope of its own, tagged with the job's organization id, so that an
 * error of one organization's job never carries another's tag on a reused thread.
 */
public final class SentryJobScope implements JobScope {

  @Override
  public <T> T call(OrgId orgId, Supplier<T> work) {
    try {
      return OrgScope.call(orgId.value(), work::get);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      // Supplier.get declares no checked exception, so none can arrive here.
      throw new IllegalStateException(e);
    }
  }
}
