-- Tenant tables. Every row carries org_id, and every primary, unique and foreign key leads with
-- it, so no constraint can relate or compare rows of two organizations. The one exception is
-- organizations.slug, unique across organizations because the command line addresses an
-- organization by slug alone.

create table reckon.organizations (
    org_id     uuid        not null,
    slug       text        not null,
    name       text        not null check (char_length(name) between 1 and 200),
    plan       text        not null check (plan in ('free', 'pro')),
    time_zone  text        not null,
    created_at timestamptz not null default now(),
    constraint organizations_pkey primary key (org_id),
    constraint organizations_slug_unique unique (slug)
);

create table reckon.provider_keys (
    org_id           uuid        not null,
    id               uuid        not null,
    provider         text        not null check (provider in ('openai', 'anthropic')),
    label            text        not null,
    -- Only the last characters of the key, as shown to people; the key itself is in sealed.
    hint             text        not null check (char_length(hint) <= 4),
    status           text        not null check (status in ('active', 'needs_attention', 'paused')),
    attention_reason text        check (attention_reason is null or status = 'needs_attention'),
    sealed           bytea       not null,
    created_by       text        not null,
    created_at       timestamptz not null,
    last_success_at  timestamptz,
    constraint provider_keys_pkey primary key (org_id, id),
    constraint provider_keys_org_fkey foreign key (org_id)
        references reckon.organizations (org_id) on delete cascade
);

-- No foreign key to provider_keys: usage history outlives a deleted key.
create table reckon.usage_buckets (
    org_id          uuid        not null,
    provider_key_id uuid        not null,
    provider        text        not null check (provider in ('openai', 'anthropic')),
    bucket_width    text        not null check (bucket_width in ('1h', '1d')),
    bucket_start    timestamptz not null,
    model           text        not null,
    project         text        not null,
    api_key         text        not null,
    service_tier    text        not null,
    uncached_input  bigint      not null check (uncached_input >= 0),
    cached_input    bigint      not null check (cached_input >= 0),
    cache_write_5m  bigint      not null check (cache_write_5m >= 0),
    cache_write_1h  bigint      not null check (cache_write_1h >= 0),
    output_tokens   bigint      not null check (output_tokens >= 0),
    -- Null when the provider reports no request count.
    requests        bigint      check (requests >= 0),
    constraint usage_buckets_pkey primary key
        (org_id, provider_key_id, bucket_width, bucket_start, model, project, api_key, service_tier)
);

create table reckon.cost_buckets (
    org_id          uuid        not null,
    provider_key_id uuid        not null,
    provider        text        not null check (provider in ('openai', 'anthropic')),
    bucket_start    timestamptz not null,
    project         text        not null,
    line_item       text        not null,
    model           text        not null,
    token_type      text        not null,
    service_tier    text        not null,
    -- Unconstrained numeric keeps the amount exactly as the provider sent it.
    amount          numeric     not null,
    currency        text        not null check (currency ~ '^[A-Z]{3}$'),
    constraint cost_buckets_pkey primary key
        (org_id, provider_key_id, bucket_start, project, line_item, model, token_type, service_tier)
);

create table reckon.ingestion_watermarks (
    org_id          uuid        not null,
    provider_key_id uuid        not null,
    dataset         text        not null check (dataset in ('usage', 'cost')),
    watermark       timestamptz not null,
    constraint ingestion_watermarks_pkey primary key (org_id, provider_key_id, dataset),
    constraint ingestion_watermarks_key_fkey foreign key (org_id, provider_key_id)
        references reckon.provider_keys (org_id, id) on delete cascade
);

create table reckon.provider_names (
    org_id          uuid not null,
    provider_key_id uuid not null,
    kind            text not null check (kind in ('project', 'api_key')),
    external_id     text not null,
    name            text not null,
    constraint provider_names_pkey primary key (org_id, provider_key_id, kind, external_id)
);
