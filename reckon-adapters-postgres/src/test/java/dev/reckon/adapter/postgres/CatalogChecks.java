package dev.reckon.adapter.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Queries PostgreSQL's catalog for ways schema {@code reckon} could leak one organization's rows to
 * another. Each check returns what it found wrong, so a test can show that it does find things.
 */
final class CatalogChecks {

  /**
   * Tables without tenant data. The job table contains task names and ids only, and only the worker
   * role may use it.
   */
  static final Set<String> TABLES_WITHOUT_ORG_ID =
      Set.of("flyway_schema_history", "scheduled_tasks");

  /**
   * Unique indexes on tenant tables that leave out {@code org_id}: the slug is unique across
   * organizations because the command line addresses an organization by slug alone, and the Clerk
   * organization id because Clerk ids are globally unique and a web request resolves its
   * organization by that id alone.
   */
  static final Set<String> UNIQUE_INDEXES_WITHOUT_ORG_ID =
      Set.of("organizations_slug_unique", "organizations_clerk_org_id_unique");

  /** Tables whose owner may read rows of every organization, for the cross-tenant lookups. */
  static final Set<String> OWNER_LOOKUP_TABLES =
      Set.of("organizations", "provider_keys", "dead_letters");

  private static final String TENANT_TABLES =
      """
      select c.oid, c.relname
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'reckon' and c.relkind in ('r', 'p')
          and exists (select 1 from pg_attribute a
                      where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped)
      """;

  private final Jdbi jdbi;
  private final DatabaseRoles roles;

  CatalogChecks(Jdbi jdbi, DatabaseRoles roles) {
    this.jdbi = jdbi;
    this.roles = roles;
  }

  List<String> tablesWithoutForcedRowSecurity() {
    return names(
        "select t.relname from ("
            + TENANT_TABLES
            + ") t join pg_class c on c.oid = t.oid"
            + " where not (c.relrowsecurity and c.relforcerowsecurity)");
  }

  List<String> tenantTablesWithoutTenantPolicy() {
    return names(
        "select t.relname from ("
            + TENANT_TABLES
            + ") t where not exists ("
            + " select 1 from pg_policy p where p.polrelid = t.oid and p.polcmd = '*'"
            + " and pg_get_expr(p.polqual, p.polrelid) like '%reckon.current_org_id()%'"
            + " and pg_get_expr(p.polwithcheck, p.polrelid) like '%reckon.current_org_id()%')");
  }

  /** Policies not keyed on the tenant, other than the owner's SELECT-only lookup policies. */
  List<String> policiesNotScopedToTenant() {
    List<String> found = new ArrayList<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    select c.relname, p.polname, p.polcmd::text as cmd,
                        array(select r.rolname from pg_roles r where r.oid = any(p.polroles))
                            as roles,
                        coalesce(pg_get_expr(p.polqual, p.polrelid), '')
                            || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') as expr
                    from pg_policy p
                    join pg_class c on c.oid = p.polrelid
                    join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'reckon'
                    """)
                .map(
                    (rs, ctx) -> {
                      String table = rs.getString("relname");
                      String[] polRoles = (String[]) rs.getArray("roles").getArray();
                      boolean tenant = rs.getString("expr").contains("reckon.current_org_id()");
                      boolean ownerLookup =
                          OWNER_LOOKUP_TABLES.contains(table)
                              && rs.getString("cmd").equals("r")
                              && List.of(polRoles).equals(List.of(roles.owner()));
                      return tenant || ownerLookup ? null : rs.getString("polname");
                    })
                .forEach(
                    name -> {
                      if (name != null) {
                        found.add(name);
                      }
                    }));
    return found;
  }

  List<String> tablesWithoutOrgId() {
    List<String> found =
        names(
            "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = 'reckon' and c.relkind in ('r', 'p')"
                + " and c.oid not in (select oid from ("
                + TENANT_TABLES
                + ") t)");
    found.removeAll(TABLES_WITHOUT_ORG_ID);
    return found;
  }

  List<String> uniqueIndexesWithoutOrgId() {
    List<String> found =
        names(
            "select i.relname from ("
                + TENANT_TABLES
                + ") t"
                + " join pg_index x on x.indrelid = t.oid and x.indisunique"
                + " join pg_class i on i.oid = x.indexrelid"
                + " where not exists (select 1 from pg_attribute a where a.attrelid = t.oid"
                + " and a.attname = 'org_id' and a.attnum = any(x.indkey))");
    found.removeAll(UNIQUE_INDEXES_WITHOUT_ORG_ID);
    return found;
  }

  /** Foreign keys on tenant tables whose own or referenced columns leave out org_id. */
  List<String> foreignKeysWithoutOrgId() {
    return names(
        "select k.conname from ("
            + TENANT_TABLES
            + ") t"
            + " join pg_constraint k on k.conrelid = t.oid and k.contype = 'f'"
            + " where not exists (select 1 from pg_attribute a where a.attrelid = k.conrelid"
            + "     and a.attname = 'org_id' and a.attnum = any(k.conkey))"
            + " or not exists (select 1 from pg_attribute a where a.attrelid = k.confrelid"
            + "     and a.attname = 'org_id' and a.attnum = any(k.confkey))");
  }

  List<String> securityDefinerFunctionsWithoutSearchPath() {
    return names(
        "select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
            + " where n.nspname = 'reckon' and p.prosecdef and not exists ("
            + " select 1 from unnest(p.proconfig) s where s like 'search_path=%')");
  }

  /** Security definer functions PUBLIC may execute, which includes a function never revoked. */
  List<String> securityDefinerFunctionsExecutableByPublic() {
    return names(
        "select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
            + " where n.nspname = 'reckon' and p.prosecdef and (p.proacl is null or exists ("
            + " select 1 from aclexplode(p.proacl) a"
            + " where a.grantee = 0 and a.privilege_type = 'EXECUTE'))");
  }

  /** The tenant helper must not run before other quals nor with its owner's rights. */
  List<String> unsafeTenantHelper() {
    return names(
        "select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
            + " where n.nspname = 'reckon' and p.proname = 'current_org_id'"
            + " and (p.proleakproof or p.prosecdef or p.provolatile <> 's')");
  }

  List<String> materializedViews() {
    return names(
        "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname = 'reckon' and c.relkind = 'm'");
  }

  List<String> viewsWithoutSecurityInvoker() {
    return names(
        "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname = 'reckon' and c.relkind = 'v' and not coalesce("
            + " c.reloptions && array['security_invoker=true', 'security_invoker=on',"
            + " 'security_invoker=1', 'security_invoker=yes'], false)");
  }

  /** Attributes of the app roles that would let them bypass or escape row-level security. */
  List<String> unsafeRoleAttributes() {
    List<String> found = new ArrayList<>();
    jdbi.useHandle(
        h -> {
          for (String role : List.of(roles.web(), roles.worker())) {
            found.addAll(roleProblems(h, role));
          }
          found.addAll(ownerProblems(h));
        });
    return found;
  }

  /** TRUNCATE, REFERENCES or TRIGGER an app role holds on any table in the schema. */
  List<String> forbiddenTablePrivileges() {
    List<String> found = new ArrayList<>();
    jdbi.useHandle(
        h -> {
          for (String role : List.of(roles.web(), roles.worker())) {
            found.addAll(
                h.createQuery(
                        "select :role || ': ' || p || ' on ' || c.relname"
                            + " from pg_class c join pg_namespace n on n.oid = c.relnamespace,"
                            + " unnest(array['TRUNCATE', 'REFERENCES', 'TRIGGER']) p"
                            + " where n.nspname = 'reckon' and c.relkind in ('r', 'p', 'v', 'm')"
                            + " and has_table_privilege(:role, c.oid, p)")
                    .bind("role", role)
                    .mapTo(String.class)
                    .list());
          }
        });
    return found;
  }

  /** Returns whether the server has the row-level security fixes of PostgreSQL 15.9. */
  boolean serverHasRowSecurityFixes() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select current_setting('server_version_num')::int >= 150009")
                .mapTo(Boolean.class)
                .one());
  }

  private List<String> roleProblems(Handle h, String role) {
    return h.createQuery(
            """
            select :role || ': ' || problem from (
                select 'superuser' as problem from pg_roles where rolname = :role and rolsuper
                union all select 'bypassrls' from pg_roles where rolname = :role and rolbypassrls
                union all select 'createrole' from pg_roles where rolname = :role and rolcreaterole
                union all select 'createdb' from pg_roles where rolname = :role and rolcreatedb
                union all select 'member of owner' where pg_has_role(:role, :owner, 'MEMBER')
                union all select 'owns ' || relname from pg_class
                    where relowner = (select oid from pg_roles where rolname = :role)
                union all select 'owns schema ' || nspname from pg_namespace
                    where nspowner = (select oid from pg_roles where rolname = :role)
                union all select 'owns function ' || proname from pg_proc
                    where proowner = (select oid from pg_roles where rolname = :role)
            ) problems
            """)
        .bind("role", role)
        .bind("owner", roles.owner())
        .mapTo(String.class)
        .list();
  }

  private List<String> ownerProblems(Handle h) {
    return h.createQuery(
            "select :role || ': ' || case when rolsuper then 'superuser' else 'bypassrls' end"
                + " from pg_roles where rolname = :role and (rolsuper or rolbypassrls)")
        .bind("role", roles.owner())
        .mapTo(String.class)
        .list();
  }

  private List<String> names(String sql) {
    return new ArrayList<>(jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list()));
  }
}
