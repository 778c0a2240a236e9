-- Schema 5: recording servers (spec §7) and the log of configuration changes their revisions and deltas come from.
-- A change names an address of an environment; what it became is read from the extensions table when it is served
-- (absent: deleted). The revision is the id of the transaction that wrote the change: a sequence would be drawn in
-- one order and committed in another, while every transaction below the oldest one running is finished, so a reader
-- serves only revisions below that (PostgresDialect.Settled) and none can appear later beneath one it served.
CREATE TABLE recorders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    name_key text NOT NULL,
    push_url text,
    secret_hash bytea NOT NULL,
    applied_revision bigint,
    last_contact timestamptz,
    created_at timestamptz NOT NULL,
    CONSTRAINT recorders_name_unique UNIQUE (name_key)
);

CREATE TABLE recorder_environments (
    recorder_id bigint NOT NULL REFERENCES recorders(id) ON DELETE CASCADE,
    eid text NOT NULL,
    eid_key text NOT NULL,
    PRIMARY KEY (recorder_id, eid_key)
);

CREATE TABLE configuration_changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    revision bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    tenant_id bigint NOT NULL,
    address text NOT NULL,
    address_key text NOT NULL
);

CREATE INDEX configuration_changes_revision ON configuration_changes(revision);
CREATE INDEX configuration_changes_tenant ON configuration_changes(tenant_id, revision);

-- The newest revision pruned from the log: a delta since an older one cannot be served.
CREATE TABLE configuration_horizon (
    id integer PRIMARY KEY CHECK (id = 1),
    revision bigint NOT NULL
);

INSERT INTO configuration_horizon (id, revision) VALUES (1, 0);
