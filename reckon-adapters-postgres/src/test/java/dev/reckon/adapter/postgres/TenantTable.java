package dev.reckon.adapter.postgres;

import java.util.Set;

/**
 * Every tenant table with the table privileges each app role is meant to have, and SQL that writes
 * one row for a given organization.
 */
enum TenantTable {
  ORGANIZATIONS(
      "organizations",
      "name",
      Set.of("SELECT", "INSERT", "DELETE"),
      Set.of("SELECT", "DELETE"),
      "insert into reckon.organizations (org_id, slug, name, plan, time_zone)"
          + " values (:org, 'x-' || substr(md5(random()::text), 1, 12), 'X', 'free', 'UTC')"),
  PROVIDER_KEYS(
      "provider_keys",
      "status",
      Set.of("SELECT", "INSERT", "UPDATE", "DELETE"),
      Set.of("SELECT", "DELETE"),
      "insert into reckon.provider_keys (org_id, id, provider, label, hint, status, sealed,"
          + " created_by, created_at)"
          + " values (:org, gen_random_uuid(), 'openai', 'x', 'FAKE', 'active', '\\x00', 'u',"
          + " now())"),
  USAGE_BUCKETS(
      "usage_buckets",
      "output_tokens",
      Set.of("SELECT"),
      Set.of("SELECT", "INSERT", "UPDATE", "DELETE"),
      "insert into reckon.usage_buckets (org_id, provider_key_id, provider, bucket_width,"
          + " bucket_start, model, project, api_key, service_tier, uncached_input, cached_input,"
          + " cache_write_5m, cache_write_1h, output_tokens, requests)"
          + " values (:org, gen_random_uuid(), 'openai', '1h', '2026-01-01T00:00:00Z', 'm', 'p',"
          + " 'k', 't', 1, 1, 1, 1, 1, 1)"),
  COST_BUCKETS(
      "cost_buckets",
      "amount",
      Set.of("SELECT"),
      Set.of("SELECT", "INSERT", "UPDATE", "DELETE"),
      "insert into reckon.cost_buckets (org_id, provider_key_id, provider, bucket_start,"
          + " project, line_item, model, token_type, service_tier, amount, currency)"
          + " values (:org, gen_random_uuid(), 'openai', '2026-01-01T00:00:00Z', 'p', 'l', 'm',"
          + " 't', 's', 1.5, 'USD')"),
  INGESTION_WATERMARKS(
      "ingestion_watermarks",
      "watermark",
      Set.of("SELECT"),
      Set.of("SELECT", "INSERT", "UPDATE", "DELETE"),
      "insert into reckon.ingestion_watermarks (org_id, provider_key_id, dataset, watermark)"
          + " values (:org, gen_random_uuid(), 'usage', now())"),
  PROVIDER_NAMES(
      "provider_names",
      "name",
      Set.of("SELECT"),
      Set.of("SELECT", "INSERT", "UPDATE", "DELETE"),
      "insert into reckon.provider_names (org_id, provider_key_id, kind, external_id, name)"
          + " values (:org, gen_random_uuid(), 'project', 'p', 'n')"),
  DEAD_LETTERS(
      "dead_letters",
      "error_message",
      Set.of("SELECT"),
      Set.of("SELECT", "INSERT", "UPDATE", "DELETE"),
      "insert into reckon.dead_letters (org_id, id, provider_key_id, job, attempts,"
          + " error_category, error_message, first_failure_at, last_failure_at)"
          + " values (:org, gen_random_uuid(), gen_random_uuid(), 'ingest-key', 1, 'server_error',"
          + " 'm', now(), now())");

  final String table;
  final String harmlessColumn;
  final Set<String> webPrivileges;
  final Set<String> workerPrivileges;
  final String insertSql;

  TenantTable(
      String table,
      String harmlessColumn,
      Set<String> webPrivileges,
      Set<String> workerPrivileges,
      String insertSql) {
    this.table = table;
    this.harmlessColumn = harmlessColumn;
    this.webPrivileges = webPrivileges;
    this.workerPrivileges = workerPrivileges;
    this.insertSql = insertSql;
  }

  String qualified() {
    return "reckon." + table;
  }

  /**
   * Returns whether the role may run the statement kind on the table's {@code org_id} and its
   * harmless column. Two UPDATE grants are limited to columns: the worker's on provider keys to
   * status columns, the web app's on organizations to name and time zone. Each counts as UPDATE of
   * the harmless column but not of {@code org_id}.
   */
  boolean allows(AppRole role, String privilege) {
    if (updatesColumnsOnly(role) && privilege.equals("UPDATE")) {
      return true;
    }
    return (role == AppRole.WEB ? webPrivileges : workerPrivileges).contains(privilege);
  }

  boolean allowsOrgIdUpdate(AppRole role) {
    return !updatesColumnsOnly(role) && allows(role, "UPDATE");
  }

  private boolean updatesColumnsOnly(AppRole role) {
    return (this == PROVIDER_KEYS && role == AppRole.WORKER)
        || (this == ORGANIZATIONS && role == AppRole.WEB);
  }

  /** An application role as the tests log in. */
  enum AppRole {
    WEB,
    WORKER
  }
}
