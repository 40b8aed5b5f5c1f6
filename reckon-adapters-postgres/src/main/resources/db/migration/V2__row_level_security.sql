-- The tenant of the current transaction, set by the application with
-- set_config('app.org_id', <uuid>, true). Null when the setting is missing or empty, and
-- current_setting returns an empty string after a transaction-local value ends, so a policy
-- comparing org_id with it matches no row instead of failing open or raising an error.
-- Deliberately STABLE only: LEAKPROOF would let the planner run it before other quals, and
-- SECURITY DEFINER would run it with the owner's rights.
create function reckon.current_org_id() returns uuid
    language sql
    stable
as $$
    select nullif(pg_catalog.current_setting('app.org_id', true), '')::uuid
$$;

-- FORCE makes the policies apply to the table owner too. The sub-select lets PostgreSQL evaluate
-- the function once per statement instead of once per row.
alter table reckon.organizations enable row level security;
alter table reckon.organizations force row level security;
create policy organizations_tenant_isolation on reckon.organizations
    using (org_id = (select reckon.current_org_id()))
    with check (org_id = (select reckon.current_org_id()));

alter table reckon.provider_keys enable row level security;
alter table reckon.provider_keys force row level security;
create policy provider_keys_tenant_isolation on reckon.provider_keys
    using (org_id = (select reckon.current_org_id()))
    with check (org_id = (select reckon.current_org_id()));

alter table reckon.usage_buckets enable row level security;
alter table reckon.usage_buckets force row level security;
create policy usage_buckets_tenant_isolation on reckon.usage_buckets
    using (org_id = (select reckon.current_org_id()))
    with check (org_id = (select reckon.current_org_id()));

alter table reckon.cost_buckets enable row level security;
alter table reckon.cost_buckets force row level security;
create policy cost_buckets_tenant_isolation on reckon.cost_buckets
    using (org_id = (select reckon.current_org_id()))
    with check (org_id = (select reckon.current_org_id()));

alter table reckon.ingestion_watermarks enable row level security;
alter table reckon.ingestion_watermarks force row level security;
create policy ingestion_watermarks_tenant_isolation on reckon.ingestion_watermarks
    using (org_id = (select reckon.current_org_id()))
    with check (org_id = (select reckon.current_org_id()));

alter table reckon.provider_names enable row level security;
alter table reckon.provider_names force row level security;
create policy provider_names_tenant_isolation on reckon.provider_names
    using (org_id = (select reckon.current_org_id()))
    with check (org_id = (select reckon.current_org_id()));
