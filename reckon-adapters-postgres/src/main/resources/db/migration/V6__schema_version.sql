-- The newest migration applied, so the web app's readiness probe can tell whether the schema is
-- as new as the code it runs. The migration history belongs to the owner and holds no tenant
-- data; the function returns one version number and nothing else.
create function reckon.schema_version()
    returns integer
    language sql
    stable
    security definer
    set search_path = pg_catalog, pg_temp
as $$
    select max(h.version::integer) from reckon.flyway_schema_history h where h.success
$$;

revoke execute on function reckon.schema_version() from public;
grant execute on function reckon.schema_version() to ${web_role}, ${worker_role};
