-- Least privilege per app. No role gets TRUNCATE, REFERENCES or TRIGGER: row-level security does
-- not apply to TRUNCATE, and the other two are never needed. Writes of the worker to
-- provider_keys are limited to the columns polling changes, so it cannot move a sealed key to
-- another row.

grant usage on schema reckon to ${web_role}, ${worker_role};

grant select, insert, update, delete on reckon.organizations, reckon.provider_keys
    to ${web_role};
grant select on reckon.usage_buckets, reckon.cost_buckets, reckon.provider_names,
    reckon.ingestion_watermarks
    to ${web_role};

grant select on reckon.organizations, reckon.provider_keys to ${worker_role};
grant update (status, attention_reason, last_success_at) on reckon.provider_keys
    to ${worker_role};
grant select, insert, update, delete on reckon.usage_buckets, reckon.cost_buckets,
    reckon.ingestion_watermarks, reckon.provider_names
    to ${worker_role};
