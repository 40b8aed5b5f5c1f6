-- The two reads that have no tenant yet: the worker listing which keys to poll, and the command
-- line resolving a slug. Both return ids only. They run as the owner (SECURITY DEFINER), and
-- because FORCE ROW LEVEL SECURITY applies to the owner too, the owner gets SELECT-only policies
-- that open exactly the rows these functions read. The app roles are not members of the owner
-- role, so these policies never apply to them.

create policy organizations_owner_slug_lookup on reckon.organizations
    for select to ${owner_role}
    using (true);

create policy provider_keys_owner_active_lookup on reckon.provider_keys
    for select to ${owner_role}
    using (status = 'active');

-- The pinned search_path keeps a caller's objects (say a function named like one used here in a
-- schema earlier on its path) from running with the owner's rights.
create function reckon.active_provider_keys()
    returns table (org_id uuid, id uuid)
    language sql
    stable
    security definer
    set search_path = pg_catalog, pg_temp
as $$
    select k.org_id, k.id
    from reckon.provider_keys k
    where k.status = 'active'
    order by k.org_id, k.id
$$;

create function reckon.org_id_for_slug(wanted_slug text)
    returns uuid
    language sql
    stable
    security definer
    set search_path = pg_catalog, pg_temp
as $$
    select o.org_id from reckon.organizations o where o.slug = wanted_slug
$$;

revoke execute on function reckon.active_provider_keys() from public;
revoke execute on function reckon.org_id_for_slug(text) from public;
grant execute on function reckon.active_provider_keys() to ${web_role}, ${worker_role};
grant execute on function reckon.org_id_for_slug(text) to ${web_role}, ${worker_role};
