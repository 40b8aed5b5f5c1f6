package dev.reckon.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shows that every catalog check finds what it looks for, by breaking a throwaway database the way
 * a careless migration or grant would.
 */
class CatalogChecksIT {

  private TestDatabase database;
  private CatalogChecks checks;

  @BeforeEach
  void createDatabase() {
    database = TestDatabase.create();
    checks = new CatalogChecks(database.owner(), database.roles());
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  @Test
  void tenantTableWithoutRowSecurityIsReported() {
    ownerRuns("create table reckon.leaky (org_id uuid not null, secret text)");

    assertThat(checks.tablesWithoutForcedRowSecurity()).containsExactly("leaky");
    assertThat(checks.tenantTablesWithoutTenantPolicy()).containsExactly("leaky");
  }

  @Test
  void enabledButNotForcedRowSecurityIsReported() {
    ownerRuns("alter table reckon.usage_buckets no force row level security");

    assertThat(checks.tablesWithoutForcedRowSecurity()).containsExactly("usage_buckets");
  }

  @Test
  void policyNotKeyedOnTenantIsReported() {
    ownerRuns("create policy open_reads on reckon.cost_buckets for select using (true)");

    assertThat(checks.policiesNotScopedToTenant()).containsExactly("open_reads");
  }

  @Test
  void tableWithoutOrgIdIsReported() {
    ownerRuns("create table reckon.settings (name text primary key, value text)");

    assertThat(checks.tablesWithoutOrgId()).containsExactly("settings");
  }

  @Test
  void keysWithoutOrgIdAreReported() {
    ownerRuns("create unique index names_by_external_id on reckon.provider_names (external_id)");
    ownerRuns(
        "alter table reckon.provider_names add constraint names_key_fkey"
            + " foreign key (provider_key_id) references reckon.organizations (org_id)");

    assertThat(checks.uniqueIndexesWithoutOrgId()).containsExactly("names_by_external_id");
    assertThat(checks.foreignKeysWithoutOrgId()).containsExactly("names_key_fkey");
  }

  @Test
  void unsafeFunctionsAreReported() {
    ownerRuns(
        "create function reckon.count_all() returns bigint language sql security definer"
            + " as 'select count(*) from reckon.organizations'");

    assertThat(checks.securityDefinerFunctionsWithoutSearchPath()).containsExactly("count_all");
    assertThat(checks.securityDefinerFunctionsExecutableByPublic()).containsExactly("count_all");
  }

  @Test
  void viewsRunningWithOwnerRightsAreReported() {
    ownerRuns("create view reckon.all_usage as select * from reckon.usage_buckets");
    ownerRuns("create materialized view reckon.usage_totals as select 1 as total");

    assertThat(checks.viewsWithoutSecurityInvoker()).containsExactly("all_usage");
    assertThat(checks.materializedViews()).containsExactly("usage_totals");
  }

  @Test
  void dangerousRoleAttributesAndGrantsAreReported() {
    Jdbi admin = Jdbi.create(TestDatabase.adminDataSource());
    admin.useHandle(h -> h.execute("alter role " + database.roles().web() + " bypassrls"));
    admin.useHandle(
        h -> h.execute("grant " + database.roles().owner() + " to " + database.roles().worker()));
    ownerRuns("grant truncate on reckon.usage_buckets to " + database.roles().worker());

    assertThat(checks.unsafeRoleAttributes())
        .containsExactlyInAnyOrder(
            database.roles().web() + ": bypassrls",
            database.roles().worker() + ": member of owner");
    assertThat(checks.forbiddenTablePrivileges())
        .contains(database.roles().worker() + ": TRUNCATE on usage_buckets");
  }

  private void ownerRuns(String sql) {
    database.owner().useHandle(h -> h.execute(sql));
  }
}
