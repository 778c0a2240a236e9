-- Schema 5: recording servers (spec §7) and the log of configuration changes their revisions and deltas come from.
-- A change names an address of an environment; what it became is read from the extensions table when it is served
-- (absent: deleted). With one writer, the AUTOINCREMENT order is the commit order.
CREATE TABLE recorders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    push_url TEXT,
    secret_hash BLOB NOT NULL,
    applied_revision INTEGER,
    last_contact INTEGER,
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE recorder_environments (
    recorder_id INTEGER NOT NULL REFERENCES recorders(id) ON DELETE CASCADE,
    eid TEXT NOT NULL,
    eid_key TEXT NOT NULL,
    PRIMARY KEY (recorder_id, eid_key)
) STRICT, WITHOUT ROWID;

CREATE TABLE configuration_changes (
    revision INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id INTEGER NOT NULL,
    address TEXT NOT NULL,
    address_key TEXT NOT NULL
) STRICT;

CREATE INDEX configuration_changes_tenant ON configuration_changes(tenant_id, revision);

-- The newest revision pruned from the log: a delta since an older one cannot be served.
CREATE TABLE configuration_horizon (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL
) STRICT;

INSERT INTO configuration_horizon (id, revision) VALUES (1, 0);
