-- Usage, cost and name rows outlive a deleted key, so they have no foreign key to provider_keys.
-- They do belong to their organization: deleting the organization row, the last step of a data
-- deletion, now removes any row a poll still wrote after the batches had run, and a write for an
-- organization that is gone fails instead of leaving an orphan.
alter table reckon.usage_buckets
    add constraint usage_buckets_org_fkey foreign key (org_id)
        references reckon.organizations (org_id) on delete cascade;
alter table reckon.cost_buckets
    add constraint cost_buckets_org_fkey foreign key (org_id)
        references reckon.organizations (org_id) on delete cascade;
alter table reckon.provider_names
    add constraint provider_names_org_fkey foreign key (org_id)
        references reckon.organizations (org_id) on delete cascade;

-- Pruning deletes an organization's rows before a date. The primary keys lead with the provider
-- key after org_id, so without these indexes each batch would scan all of the organization's rows.
create index usage_buckets_org_start_idx on reckon.usage_buckets (org_id, bucket_start);
create index cost_buckets_org_start_idx on reckon.cost_buckets (org_id, bucket_start);
