-- The job table of db-scheduler, which runs the worker's jobs across processes. It holds task
-- names, instance ids and JSON task data made of ids only: no key material, wrapped data keys or
-- provider responses. It is not a tenant table and has no row-level security; the web app has no
-- access to it.
create table reckon.scheduled_tasks (
    task_name            text        not null,
    task_instance        text        not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean     not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint      not null,
    priority             smallint,
    constraint scheduled_tasks_pkey primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on reckon.scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on reckon.scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx
    on reckon.scheduled_tasks (priority desc, execution_time asc);

grant select, insert, update, delete on reckon.scheduled_tasks to ${worker_role};

-- A job that failed every attempt. The message is scrubbed and bounded; it never holds a key or a
-- provider response body.
create table reckon.dead_letters (
    org_id             uuid        not null,
    id                 uuid        not null,
    provider_key_id    uuid        not null,
    job                text        not null,
    window_start       timestamptz,
    window_end         timestamptz,
    attempts           integer     not null check (attempts > 0),
    error_category     text        not null,
    error_message      text        not null check (char_length(error_message) <= 500),
    first_failure_at   timestamptz not null,
    last_failure_at    timestamptz not null,
    retry_requested_at timestamptz,
    resolved_at        timestamptz,
    constraint dead_letters_pkey primary key (org_id, id),
    constraint dead_letters_org_fkey foreign key (org_id)
        references reckon.organizations (org_id) on delete cascade
);
create index dead_letters_open_idx on reckon.dead_letters (org_id, provider_key_id)
    where resolved_at is null;

alter table reckon.dead_letters enable row level security;
alter table reckon.dead_letters force row level security;
create policy dead_letters_tenant_isolation on reckon.dead_letters
    using (org_id = (select reckon.current_org_id()))
    with check (org_id = (select reckon.current_org_id()));

grant select, insert, update, delete on reckon.dead_letters to ${worker_role};
grant select on reckon.dead_letters to ${web_role};
grant update (retry_requested_at) on reckon.dead_letters to ${web_role};

-- The health of each key as the worker last saw it, for the health route and worker status.
alter table reckon.provider_keys
    add column consecutive_failures integer not null default 0 check (consecutive_failures >= 0),
    add column last_failure_at      timestamptz,
    add column last_error_category  text,
    add column next_run_at          timestamptz;
grant update (consecutive_failures, last_failure_at, last_error_category, next_run_at)
    on reckon.provider_keys to ${worker_role};

-- An admin's request to delete every row of the organization. The web app records it; a worker
-- job does the deleting, in batches, and finally removes the organization row itself.
alter table reckon.organizations add column deletion_requested_at timestamptz;
grant update (deletion_requested_at) on reckon.organizations to ${web_role};
grant delete on reckon.organizations, reckon.provider_keys to ${worker_role};

-- Ids of organizations whose data deletion was requested, for the worker's job that schedules it.
-- Same pattern as org_id_for_slug: runs as the owner, whose lookup policy on organizations opens
-- the rows, and returns ids only.
create function reckon.organizations_to_delete()
    returns table (org_id uuid)
    language sql
    stable
    security definer
    set search_path = pg_catalog, pg_temp
as $$
    select o.org_id from reckon.organizations o
    where o.deletion_requested_at is not null
    order by o.deletion_requested_at
$$;

-- Dead letters an admin asked to retry, with ids only, for the worker's job that re-enqueues them.
create policy dead_letters_owner_retry_lookup on reckon.dead_letters
    for select to ${owner_role}
    using (retry_requested_at is not null and resolved_at is null);

create function reckon.dead_letters_to_retry()
    returns table (org_id uuid, id uuid, provider_key_id uuid)
    language sql
    stable
    security definer
    set search_path = pg_catalog, pg_temp
as $$
    select d.org_id, d.id, d.provider_key_id from reckon.dead_letters d
    where d.retry_requested_at is not null and d.resolved_at is null
    order by d.retry_requested_at
$$;

revoke execute on function reckon.organizations_to_delete() from public;
revoke execute on function reckon.dead_letters_to_retry() from public;
grant execute on function reckon.organizations_to_delete() to ${worker_role};
grant execute on function reckon.dead_letters_to_retry() to ${worker_role};
