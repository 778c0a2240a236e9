-- Schema 8: SCIM 2.0 (docs/SCIM.md). A bearer token belongs to one environment and is stored only as the SHA-256 of
-- its 256 random bits; its name is unique per environment, folded by Core. Deleting the environment deletes its tokens.
-- (Schema 7 belongs to another change; the runner applies every migration it has not applied, gaps included.)
CREATE TABLE scim_tokens (
    id bigserial PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name text NOT NULL,
    name_key text NOT NULL,
    token_hash bytea NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT scim_tokens_hash_unique UNIQUE (token_hash),
    CONSTRAINT scim_tokens_name_unique UNIQUE (tenant_id, name_key)
);

-- Identity providers look users up by externalId before creating them: one user among a million in an index seek.
CREATE INDEX users_external_id ON users(tenant_id, external_id_key);
