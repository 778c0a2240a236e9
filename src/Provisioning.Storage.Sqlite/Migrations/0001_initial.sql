-- Schema 1. Natural keys are compared on folded copies (*_key columns, folded by the application the same way for
-- every store), each under a unique index, so the database itself refuses a duplicate. Times are Unix milliseconds UTC.
-- AUTOINCREMENT keeps ids from ever being reused: clients keep ids.

CREATE TABLE tenants (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    eid TEXT NOT NULL,
    eid_key TEXT NOT NULL UNIQUE,
    short_name TEXT NOT NULL,
    short_name_key TEXT NOT NULL UNIQUE,
    display_name TEXT,
    helpdesk_url TEXT,
    inactive INTEGER NOT NULL DEFAULT 0,
    ondemand_max_call_age_hours INTEGER,
    ondemand_max_rows_per_user INTEGER,
    partitions TEXT NOT NULL DEFAULT '',
    archive_at_age_hours INTEGER,
    delete_at_age_hours INTEGER,
    archive_path TEXT
) STRICT;

CREATE TABLE groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    non_modifiable INTEGER,
    is_default INTEGER NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, name_key)
) STRICT;
CREATE UNIQUE INDEX groups_one_default ON groups(tenant_id) WHERE is_default = 1;

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    login_name TEXT NOT NULL,
    login_key TEXT NOT NULL,
    password_hash TEXT,
    display_name TEXT,
    email TEXT,
    crm_user_id TEXT,
    language TEXT,
    time_zone TEXT,
    valid_from INTEGER,
    valid_to INTEGER,
    locked INTEGER,
    non_modifiable INTEGER,
    password_expires INTEGER,
    need_change_password INTEGER,
    observer_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    observer_group_id INTEGER REFERENCES groups(id) ON DELETE SET NULL,
    user_type INTEGER,
    recorder_line_pin TEXT,
    agent_id TEXT,
    api_access_only INTEGER,
    custom_date_format TEXT,
    custom_time_format TEXT,
    external_id TEXT,
    external_id_key TEXT,
    UNIQUE (tenant_id, login_key)
) STRICT;
CREATE INDEX users_observer_user ON users(observer_user_id);
CREATE INDEX users_observer_group ON users(observer_group_id);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    role_key TEXT NOT NULL,
    PRIMARY KEY (user_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX user_roles_role ON user_roles(role_key);

CREATE TABLE user_customs (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (user_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE memberships (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    is_primary INTEGER NOT NULL DEFAULT 0,
    is_member INTEGER,
    is_admin INTEGER,
    is_supervisor INTEGER,
    valid_from INTEGER,
    valid_until INTEGER,
    UNIQUE (group_id, user_id)
) STRICT;
CREATE UNIQUE INDEX memberships_one_primary ON memberships(user_id) WHERE is_primary = 1;
CREATE INDEX memberships_user ON memberships(user_id);

CREATE TABLE extensions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    address TEXT NOT NULL,
    address_key TEXT NOT NULL,
    recording_mode INTEGER NOT NULL,
    media INTEGER NOT NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    UNIQUE (tenant_id, address_key)
) STRICT;
CREATE INDEX extensions_user ON extensions(user_id);

CREATE TABLE tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hash BLOB NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    issued_at INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    released_at INTEGER
) STRICT;
CREATE INDEX tokens_user ON tokens(user_id);

CREATE TABLE login_throttle (
    eid_key TEXT NOT NULL,
    login_key TEXT NOT NULL,
    failures INTEGER NOT NULL,
    window_start INTEGER NOT NULL,
    locked_until INTEGER,
    PRIMARY KEY (eid_key, login_key)
) STRICT, WITHOUT ROWID;
