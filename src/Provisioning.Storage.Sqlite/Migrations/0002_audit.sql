-- Schema 2: the audit log. Every change of environments, users, groups and extensions is recorded in the transaction
-- that makes it. The triggers keep the table append-only for everyone, not only for the API.

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    eid TEXT NOT NULL,
    login TEXT NOT NULL,
    token_id INTEGER,
    operation TEXT NOT NULL,
    entity TEXT NOT NULL,
    object_key TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT
) STRICT;
CREATE INDEX audit_log_eid ON audit_log(eid, id);
CREATE INDEX audit_log_at ON audit_log(at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
