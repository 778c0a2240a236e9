-- Schema 7: the audit chain (docs/AUDIT.md). A sealer gives each committed entry a chain position and a hash: SHA-256
-- of the previous entry's hash and the entry's content. Ids are drawn in one order and committed in another, so the
-- chain follows the writing transaction's id (xid) instead: the sealer takes only entries of transactions below the
-- oldest one running (PostgresDialect.Settled, as the recorder feed does), none of which can be followed by an entry
-- that sorts before them, and chains them by (xid, id). Entries written before this schema take xid 0.
ALTER TABLE audit_log ADD COLUMN xid bigint NOT NULL DEFAULT 0;
ALTER TABLE audit_log ALTER COLUMN xid SET DEFAULT (pg_current_xact_id()::text::bigint);
ALTER TABLE audit_log ADD COLUMN position bigint;
ALTER TABLE audit_log ADD COLUMN hash bytea;
CREATE INDEX audit_log_unsealed ON audit_log(xid, id) WHERE position IS NULL;
-- Not unique: a row put in at a position another holds is what verification must find, not what a constraint hides.
CREATE INDEX audit_log_position ON audit_log(position) WHERE position IS NOT NULL;

-- The last sealed entry, which the next one follows.
CREATE TABLE audit_chain (
    id integer PRIMARY KEY CHECK (id = 1),
    position bigint NOT NULL,
    hash bytea NOT NULL
);
INSERT INTO audit_chain (id, position, hash) VALUES (1, 0, '\x0000000000000000000000000000000000000000000000000000000000000000');

-- The chain prefix a prune may remove, written and cleared by the prune's own transaction (invisible to every other
-- one until then, and it never commits with a row), which also appends the entry that records it.
CREATE TABLE audit_prune (through bigint NOT NULL);

-- Still append-only, with two exceptions: the sealer setting an entry's position and hash once (from NULL, nothing
-- else changed), and a prune removing sealed entries up to the position its transaction allows.
CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.position IS NULL AND OLD.hash IS NULL AND NEW.position IS NOT NULL AND length(NEW.hash) = 32
       AND (NEW.id, NEW.xid, NEW.at, NEW.eid, NEW.login, NEW.token_id, NEW.operation, NEW.entity, NEW.object_key, NEW.before_json, NEW.after_json)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.xid, OLD.at, OLD.eid, OLD.login, OLD.token_id, OLD.operation, OLD.entity, OLD.object_key, OLD.before_json, OLD.after_json) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' AND OLD.position IS NOT NULL AND OLD.position <= (SELECT MAX(through) FROM audit_prune) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;

DROP TRIGGER audit_log_no_update ON audit_log;
DROP TRIGGER audit_log_no_delete ON audit_log;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
