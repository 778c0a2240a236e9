-- Schema 6: storage folders and policies (spec §8). Stored and served only: nothing here moves media, and a policy's
-- call_filter is the vendor's SQL kept as text, never run. Names are unique per environment, folded by Core. The
-- constraint names are those Violations maps to the key a concurrent writer took.
CREATE TABLE storage_folders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES tenants(id),
    name text NOT NULL,
    name_key text NOT NULL,
    path text NOT NULL,
    type text NOT NULL,
    enabled boolean NOT NULL,
    description text,
    CONSTRAINT storage_folders_name_unique UNIQUE (tenant_id, name_key)
);

CREATE TABLE storage_policies (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES tenants(id),
    name text NOT NULL,
    name_key text NOT NULL,
    action text NOT NULL,
    call_filter text,
    custom_sql boolean NOT NULL,
    decrypt boolean NOT NULL,
    enabled boolean NOT NULL,
    engine_id text,
    first_transcode boolean NOT NULL,
    format text,
    keep_cdr boolean NOT NULL,
    language_id text,
    move_to_recycle_bin boolean NOT NULL,
    older_than_minutes integer,
    older_than_years integer,
    only_for_archived boolean NOT NULL,
    priority integer,
    folder_id bigint CONSTRAINT storage_policies_folder_id_fkey REFERENCES storage_folders(id),
    CONSTRAINT storage_policies_name_unique UNIQUE (tenant_id, name_key)
);

CREATE INDEX storage_policies_folder ON storage_policies(folder_id);
