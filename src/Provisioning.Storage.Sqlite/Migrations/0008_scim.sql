-- Schema 8: SCIM 2.0 (docs/SCIM.md). A bearer token belongs to one environment and is stored only as the SHA-256 of
-- its 256 random bits; its name is unique per environment, folded by Core. Deleting the environment deletes its tokens.
-- (Schema 7 belongs to another change; the runner applies every migration it has not applied, gaps included.)
CREATE TABLE scim_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    token_hash BLOB NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    UNIQUE (tenant_id, name_key)
) STRICT;

-- Identity providers look users up by externalId before creating them: one user among a million in an index seek.
CREATE INDEX users_external_id ON users(tenant_id, external_id_key);
