-- Links an organization to the Clerk organization that signs its users in. Every authenticated
-- web request resolves its organization by this id before any tenant context exists. The id is
-- unique across organizations, like the slug, because Clerk ids are globally unique. It is null
-- for organizations created from the command line.

alter table reckon.organizations add column clerk_org_id text;
alter table reckon.organizations
    add constraint organizations_clerk_org_id_unique unique (clerk_org_id);

-- Same pattern as org_id_for_slug: runs as the owner, whose SELECT-only lookup policy on
-- organizations opens the rows, and returns the id only.
create function reckon.org_id_for_clerk_org(wanted_clerk_org_id text)
    returns uuid
    language sql
    stable
    security definer
    set search_path = pg_catalog, pg_temp
as $$
    select o.org_id from reckon.organizations o where o.clerk_org_id = wanted_clerk_org_id
$$;

revoke execute on function reckon.org_id_for_clerk_org(text) from public;
grant execute on function reckon.org_id_for_clerk_org(text) to ${web_role}, ${worker_role};

-- The web app changes only an organization's name and time zone. Slug, plan, Clerk link and id
-- stay as inserted, so a web request cannot move an organization or change its plan.
revoke update on reckon.organizations from ${web_role};
grant update (name, time_zone) on reckon.organizations to ${web_role};
