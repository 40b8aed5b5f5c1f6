package dev.reckon.worker;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import org.jdbi.v3.core.HandleCallback;

/**
 * Runs SQL as the owner role inside one organization's context, for the checks and damage that
 * tests need and the app roles may not do.
 */
final class OwnerSql {

  private OwnerSql() {}

  /** Runs {@code work} in a transaction scoped to the organization with {@code slug}. */
  static <T> T inOrg(TestDatabase database, String slug, HandleCallback<T, RuntimeException> work) {
    return database
        .owner()
        .inTransaction(
            handle -> {
              String orgId =
                  handle
                      .createQuery("select reckon.org_id_for_slug(?)::text")
                      .bind(0, slug)
                      .mapTo(String.class)
                      .one();
              handle.execute("select set_config('app.org_id', ?, true)", orgId);
              return work.withHandle(handle);
            });
  }

  /**
   * Flips the last byte of a key's stored envelope, inside its GCM tag, so that opening it fails
   * for good. Returns the rows changed.
   */
  static int alterEnvelope(TestDatabase database, String slug, String keyId) {
    return inOrg(
        database,
        slug,
        handle ->
            handle.execute(
                "update reckon.provider_keys set sealed = overlay(sealed placing"
                    + " set_byte('\\x00'::bytea, 0, 255 - get_byte(sealed, length(sealed) - 1))"
                    + " from length(sealed) for 1) where id = ?::uuid",
                keyId));
  }
}
