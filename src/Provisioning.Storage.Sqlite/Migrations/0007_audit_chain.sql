-- Schema 7: the audit chain (docs/AUDIT.md). A sealer gives each committed entry, in id order (one writer commits
-- in id order), its hash: SHA-256 of the previous entry's hash and the entry's content; its chain position is its id.
-- An entry is written with 32 zero bytes for "not sealed yet" rather than NULL, so that sealing rewrites a record of
-- the same size in place: a record that grows by 32 bytes does not fit a full page, and splitting pages left the log
-- half empty. audit_chain keeps the last sealed entry, which the next one follows.
ALTER TABLE audit_log ADD COLUMN hash BLOB NOT NULL DEFAULT X'0000000000000000000000000000000000000000000000000000000000000000';
ALTER TABLE audit_log ADD COLUMN position INTEGER GENERATED ALWAYS AS (CASE WHEN hash <> X'0000000000000000000000000000000000000000000000000000000000000000' THEN id END) VIRTUAL;

-- The index on the time goes: every write paid for it (about 18 bytes an entry, a tenth of the log) for the rare
-- `audit list --since`, which now reads the table; archiving finds its cut-off walking the chain from its start.
DROP INDEX audit_log_at;

CREATE TABLE audit_chain (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    position INTEGER NOT NULL,
    hash BLOB NOT NULL
) STRICT;
INSERT INTO audit_chain (id, position, hash) VALUES (1, 0, X'0000000000000000000000000000000000000000000000000000000000000000');

-- The chain prefix a prune may remove, written and cleared by the prune's own transaction, which also appends the
-- entry that records it (SqlAuditStore.PruneAsync).
CREATE TABLE audit_prune (through INTEGER NOT NULL) STRICT;

-- Still append-only, with two exceptions: the sealer setting an entry's hash once (from the zeros to a hash, nothing
-- else changed), and a prune removing sealed entries up to the position its transaction allows.
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (OLD.hash = X'0000000000000000000000000000000000000000000000000000000000000000' AND NEW.hash <> X'0000000000000000000000000000000000000000000000000000000000000000' AND length(NEW.hash) = 32
    AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.eid = OLD.eid AND NEW.login = OLD.login AND NEW.token_id IS OLD.token_id
    AND NEW.operation = OLD.operation AND NEW.entity = OLD.entity AND NEW.object_key = OLD.object_key
    AND NEW.before_json IS OLD.before_json AND NEW.after_json IS OLD.after_json)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN OLD.hash = X'0000000000000000000000000000000000000000000000000000000000000000' OR OLD.id > COALESCE((SELECT MAX(through) FROM audit_prune), 0)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
