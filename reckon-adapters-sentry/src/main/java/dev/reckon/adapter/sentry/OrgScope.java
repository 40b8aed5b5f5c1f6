package dev.reckon.adapter.sentry;

import io.sentry.IScopes;
import io.sentry.ISentryLifecycleToken;
import io.sentry.Sentry;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * A Sentry scope for the work of one organization, such as a request or a job, that tags every
 * event captured inside it with {@value #TAG}.
 *
 * <p>Each scope forks both the current and the isolation scope of the calling thread and restores
 * the previous ones when it ends. Tags, breadcrumbs and extras added inside therefore never reach
 * the next request or job on a reused pool thread. {@code Sentry.withScope} is not enough, because
 * it forks only the current scope, while tags set through {@code Sentry.setTag} and breadcrumbs
 * from the Logback appender go to the isolation scope by default (sentry-java 8.47.0). Without a
 * DSN the work runs untouched.
 *
 * <p>Log or capture a failure inside the work. An exception that escapes is logged or captured
 * after the scope has ended, so its event carries no organization.
 */
public final class OrgScope {

  /** The tag that carries the organization's internal id, never its name, slug or an email. */
  public static final String TAG = "org_id";

  private OrgScope() {}

  /** Runs {@code work} in a scope tagged with {@code orgId} and returns its result. */
  public static <T> T call(UUID orgId, Callable<T> work) throws Exception {
    Objects.requireNonNull(work, "'work' must not be null");
    ISentryLifecycleToken scope = fork(orgId);
    try {
      return work.call();
    } finally {
      scope.close();
    }
  }

  /** Runs {@code work} in a scope tagged with {@code orgId}. */
  public static void run(UUID orgId, Runnable work) {
    Objects.requireNonNull(work, "'work' must not be null");
    ISentryLifecycleToken scope = fork(orgId);
    try {
      work.run();
    } finally {
      scope.close();
    }
  }

  /**
   * Opens a scope tagged with {@code orgId} on the calling thread, for frameworks with separate
   * before and after hooks. The caller must close it on the same thread, and scopes must be closed
   * in the reverse order of opening: closing one restores the scopes that were current when it was
   * opened. The returned object's {@code close()} throws no checked exception, although {@code
   * AutoCloseable} declares one.
   */
  public static AutoCloseable open(UUID orgId) {
    return fork(orgId);
  }

  private static ISentryLifecycleToken fork(UUID orgId) {
    Objects.requireNonNull(orgId, "'orgId' must not be null");
    // Without a DSN these are the SDK's no-op scopes and the token does nothing.
    IScopes scopes = Sentry.forkedScopes("OrgScope");
    ISentryLifecycleToken token = scopes.makeCurrent();
    scopes.setTag(TAG, orgId.toString());
    return token;
  }
}
