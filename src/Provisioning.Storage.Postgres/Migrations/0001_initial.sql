-- Schema 1, the same tables, columns and indexes as the SQLite store's schema 1 in PostgreSQL types. Natural keys are
-- compared on folded copies (*_key columns, folded by the application the same way for every store), each under a
-- unique index, so the database itself refuses a duplicate even when two server instances race. Times are timestamptz
-- (microseconds; the store writes whole milliseconds, as SQLite keeps them). Identity columns never reuse an id.

CREATE TABLE tenants (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    eid text NOT NULL,
    eid_key text NOT NULL CONSTRAINT tenants_eid_key_unique UNIQUE,
    short_name text NOT NULL,
    short_name_key text NOT NULL CONSTRAINT tenants_short_name_key_unique UNIQUE,
    display_name text,
    helpdesk_url text,
    inactive boolean NOT NULL DEFAULT false,
    ondemand_max_call_age_hours integer,
    ondemand_max_rows_per_user integer,
    partitions integer[] NOT NULL DEFAULT '{}',
    archive_at_age_hours integer,
    delete_at_age_hours integer,
    archive_path text
);

CREATE TABLE groups (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES tenants(id),
    name text NOT NULL,
    name_key text NOT NULL,
    non_modifiable boolean,
    is_default boolean NOT NULL DEFAULT false,
    CONSTRAINT groups_name_unique UNIQUE (tenant_id, name_key)
);
CREATE UNIQUE INDEX groups_one_default ON groups(tenant_id) WHERE is_default;

CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES tenants(id),
    login_name text NOT NULL,
    login_key text NOT NULL,
    password_hash text,
    display_name text,
    email text,
    crm_user_id text,
    language text,
    time_zone text,
    valid_from timestamptz,
    valid_to timestamptz,
    locked boolean,
    non_modifiable boolean,
    password_expires boolean,
    need_change_password boolean,
    observer_user_id bigint REFERENCES users(id) ON DELETE SET NULL,
    observer_group_id bigint REFERENCES groups(id) ON DELETE SET NULL,
    user_type integer,
    recorder_line_pin text,
    agent_id text,
    api_access_only boolean,
    custom_date_format text,
    custom_time_format text,
    external_id text,
    external_id_key text,
    CONSTRAINT users_login_unique UNIQUE (tenant_id, login_key)
);
CREATE INDEX users_observer_user ON users(observer_user_id);
CREATE INDEX users_observer_group ON users(observer_group_id);

CREATE TABLE user_roles (
    user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    position integer NOT NULL,
    role text NOT NULL,
    role_key text NOT NULL,
    PRIMARY KEY (user_id, position)
);
CREATE INDEX user_roles_role ON user_roles(role_key);

CREATE TABLE user_customs (
    user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    position integer NOT NULL,
    value text NOT NULL,
    PRIMARY KEY (user_id, position)
);

CREATE TABLE memberships (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id bigint NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    is_primary boolean NOT NULL DEFAULT false,
    is_member boolean,
    is_admin boolean,
    is_supervisor boolean,
    valid_from timestamptz,
    valid_until timestamptz,
    CONSTRAINT memberships_group_user_unique UNIQUE (group_id, user_id)
);
CREATE UNIQUE INDEX memberships_one_primary ON memberships(user_id) WHERE is_primary;
CREATE INDEX memberships_user ON memberships(user_id);

CREATE TABLE extensions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES tenants(id),
    address text NOT NULL,
    address_key text NOT NULL,
    recording_mode integer NOT NULL,
    media integer NOT NULL,
    user_id bigint REFERENCES users(id) ON DELETE SET NULL,
    CONSTRAINT extensions_address_unique UNIQUE (tenant_id, address_key)
);
CREATE INDEX extensions_user ON extensions(user_id);

CREATE TABLE tokens (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hash bytea NOT NULL CONSTRAINT tokens_hash_unique UNIQUE,
    user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    issued_at timestamptz NOT NULL,
    last_used_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    released_at timestamptz
);
CREATE INDEX tokens_user ON tokens(user_id);

CREATE TABLE login_throttle (
    eid_key text NOT NULL,
    login_key text NOT NULL,
    failures integer NOT NULL,
    window_start timestamptz NOT NULL,
    locked_until timestamptz,
    PRIMARY KEY (eid_key, login_key)
);
