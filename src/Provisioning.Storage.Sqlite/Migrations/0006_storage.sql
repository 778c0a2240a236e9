-- Schema 6: storage folders and policies (spec §8). Stored and served only: nothing here moves media, and a policy's
-- call_filter is the vendor's SQL kept as text, never run. Names are unique per environment, folded by Core.
CREATE TABLE storage_folders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    path TEXT NOT NULL,
    type TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    description TEXT,
    UNIQUE (tenant_id, name_key)
) STRICT;

CREATE TABLE storage_policies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    action TEXT NOT NULL,
    call_filter TEXT,
    custom_sql INTEGER NOT NULL,
    decrypt INTEGER NOT NULL,
    enabled INTEGER NOT NULL,
    engine_id TEXT,
    first_transcode INTEGER NOT NULL,
    format TEXT,
    keep_cdr INTEGER NOT NULL,
    language_id TEXT,
    move_to_recycle_bin INTEGER NOT NULL,
    older_than_minutes INTEGER,
    older_than_years INTEGER,
    only_for_archived INTEGER NOT NULL,
    priority INTEGER,
    folder_id INTEGER REFERENCES storage_folders(id),
    UNIQUE (tenant_id, name_key)
) STRICT;

CREATE INDEX storage_policies_folder ON storage_policies(folder_id);
