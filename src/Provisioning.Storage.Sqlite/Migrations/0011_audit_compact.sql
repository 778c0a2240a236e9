-- Schema 11: compact audit entries (issue #19, docs/AUDIT.md "Size"). An entry repeated its environment, login, token
-- id, operation and entity as text (about 40 bytes a create, and 4 more in the index on the eid): they are now one
-- small integer, the entry's context, into audit_contexts, which holds each distinct combination once. A context can
-- also name JSON members the writer left out of the entry's value (a created extension's `,"mode":"full","media":
-- ["voice"]`, 31 bytes), which reading puts back right after the value's id member. The table is audit_entries;
-- audit_log is a view with the columns and the texts it always had, so reads, the hash (over those texts, as before:
-- existing chains and archives verify unchanged) and SQL written by hand see the same entries. Inserting, updating and
-- deleting through the view go to audit_entries (with nothing left out), whose triggers keep it append-only as
-- migration 0007 did; contexts are never changed or removed.
-- (Schemas 9 and 10 belong to other changes; the runner applies every migration it has not applied, gaps included.)
CREATE TABLE audit_contexts (
    id INTEGER PRIMARY KEY,
    eid TEXT NOT NULL,
    login TEXT NOT NULL,
    token_id INTEGER,
    operation TEXT NOT NULL,
    entity TEXT NOT NULL,
    omitted TEXT
) STRICT;
-- NULLs are distinct to a UNIQUE constraint, so the index folds them (token ids are positive).
CREATE UNIQUE INDEX audit_contexts_names ON audit_contexts(eid, login, IFNULL(token_id, -1), operation, entity, IFNULL(omitted, ''));
CREATE TRIGGER audit_contexts_no_update BEFORE UPDATE ON audit_contexts BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_contexts_no_delete BEFORE DELETE ON audit_contexts BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE audit_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    context INTEGER NOT NULL,
    object_key TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT,
    hash BLOB NOT NULL DEFAULT X'0000000000000000000000000000000000000000000000000000000000000000',
    position INTEGER GENERATED ALWAYS AS (CASE WHEN hash <> X'0000000000000000000000000000000000000000000000000000000000000000' THEN id END) VIRTUAL
) STRICT;
-- Entries of one environment newest first (audit list --eid, the console) and the latest prune (context of eid '').
CREATE INDEX audit_entries_context ON audit_entries(context, id);

INSERT INTO audit_contexts (eid, login, token_id, operation, entity)
SELECT eid, login, token_id, operation, entity FROM audit_log GROUP BY eid, login, token_id, operation, entity ORDER BY MIN(id);
INSERT INTO audit_entries (id, at, context, object_key, before_json, after_json, hash)
SELECT a.id, a.at, c.id, a.object_key, a.before_json, a.after_json, a.hash
FROM audit_log a JOIN audit_contexts c ON c.eid = a.eid AND c.login = a.login AND c.token_id IS a.token_id AND c.operation = a.operation AND c.entity = a.entity
ORDER BY a.id;
-- The next id stays the one audit_log would have given: entries removed from the end still leave a gap.
DELETE FROM sqlite_sequence WHERE name = 'audit_entries';
INSERT INTO sqlite_sequence (name, seq) SELECT 'audit_entries', seq FROM sqlite_sequence WHERE name = 'audit_log';
DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
DROP TABLE audit_log;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_entries
WHEN NOT (OLD.hash = X'0000000000000000000000000000000000000000000000000000000000000000' AND NEW.hash <> X'0000000000000000000000000000000000000000000000000000000000000000' AND length(NEW.hash) = 32
    AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.context = OLD.context AND NEW.object_key = OLD.object_key
    AND NEW.before_json IS OLD.before_json AND NEW.after_json IS OLD.after_json)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_entries
WHEN OLD.hash = X'0000000000000000000000000000000000000000000000000000000000000000' OR OLD.id > COALESCE((SELECT MAX(through) FROM audit_prune), 0)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE VIEW audit_log AS
SELECT e.id, e.at, c.eid, c.login, c.token_id, c.operation, c.entity, e.object_key,
    CASE WHEN c.omitted IS NULL OR e.before_json IS NULL THEN e.before_json ELSE
        substr(e.before_json, 1, IIF(instr(e.before_json, ',') > 0, instr(e.before_json, ','), length(e.before_json)) - 1) || c.omitted
        || substr(e.before_json, IIF(instr(e.before_json, ',') > 0, instr(e.before_json, ','), length(e.before_json))) END AS before_json,
    CASE WHEN c.omitted IS NULL OR e.after_json IS NULL THEN e.after_json ELSE
        substr(e.after_json, 1, IIF(instr(e.after_json, ',') > 0, instr(e.after_json, ','), length(e.after_json)) - 1) || c.omitted
        || substr(e.after_json, IIF(instr(e.after_json, ',') > 0, instr(e.after_json, ','), length(e.after_json))) END AS after_json,
    e.hash, e.position
FROM audit_entries e JOIN audit_contexts c ON c.id = e.context;

CREATE TRIGGER audit_log_insert INSTEAD OF INSERT ON audit_log BEGIN
    INSERT OR IGNORE INTO audit_contexts (eid, login, token_id, operation, entity) VALUES (NEW.eid, NEW.login, NEW.token_id, NEW.operation, NEW.entity);
    INSERT INTO audit_entries (id, at, context, object_key, before_json, after_json, hash)
    VALUES (NEW.id, NEW.at,
        (SELECT id FROM audit_contexts WHERE eid = NEW.eid AND login = NEW.login AND IFNULL(token_id, -1) = IFNULL(NEW.token_id, -1) AND operation = NEW.operation AND entity = NEW.entity AND omitted IS NULL),
        NEW.object_key, NEW.before_json, NEW.after_json, IFNULL(NEW.hash, X'0000000000000000000000000000000000000000000000000000000000000000'));
END;
CREATE TRIGGER audit_log_update INSTEAD OF UPDATE ON audit_log BEGIN
    INSERT OR IGNORE INTO audit_contexts (eid, login, token_id, operation, entity) VALUES (NEW.eid, NEW.login, NEW.token_id, NEW.operation, NEW.entity);
    UPDATE audit_entries SET at = NEW.at,
        context = (SELECT id FROM audit_contexts WHERE eid = NEW.eid AND login = NEW.login AND IFNULL(token_id, -1) = IFNULL(NEW.token_id, -1) AND operation = NEW.operation AND entity = NEW.entity AND omitted IS NULL),
        object_key = NEW.object_key, before_json = NEW.before_json, after_json = NEW.after_json, hash = NEW.hash
    WHERE id = OLD.id;
END;
CREATE TRIGGER audit_log_delete INSTEAD OF DELETE ON audit_log BEGIN DELETE FROM audit_entries WHERE id = OLD.id; END;
