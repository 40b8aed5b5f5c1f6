package dev.reckon.worker.jobs;

import dev.reckon.domain.shared.OrgId;
import java.util.function.Supplier;

/** Runs one job's work inside a scope of its organization, such as an error-reporting scope. */
@FunctionalInterface
public interface JobScope {

  JobScope NONE =
      new JobScope() {
        @Override
        public <T> T call(OrgId orgId, Supplier<T> work) {
          return work.get();
        }
      };

  <T> T call(OrgId orgId, Supplier<T> work);
}
