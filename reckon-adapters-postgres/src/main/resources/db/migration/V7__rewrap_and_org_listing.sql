-- Re-wrapping moves a sealed key's data key to the current master key and writes the new envelope
-- back, so the worker, which already reads and opens sealed keys, may now write that one column.
-- Moving an envelope to another row gains nothing: its associated data names the organization,
-- key id and provider it was sealed for, and it fails authentication anywhere else.
grant update (sealed) on reckon.provider_keys to ${worker_role};

-- Jobs that visit every tenant (re-wrapping, retention) need the list of organizations. Same
-- pattern as org_id_for_slug: runs as the owner, whose SELECT-only lookup policy on organizations
-- opens the rows, and returns ids only.
create function reckon.organization_ids()
    returns table (org_id uuid)
    language sql
    stable
    security definer
    set search_path = pg_catalog, pg_temp
as $$
    select o.org_id from reckon.organizations o order by o.org_id
$$;

revoke execute on function reckon.organization_ids() from public;
grant execute on function reckon.organization_ids() to ${web_role}, ${worker_role};
