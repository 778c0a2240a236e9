-- Schema 2: the audit log. Every change of environments, users, groups and extensions is recorded in the transaction
-- that makes it. The triggers keep the table append-only for everyone, not only for the API; TRUNCATE, which skips
-- row triggers, is refused by a statement trigger of its own.

CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL,
    eid text NOT NULL,
    login text NOT NULL,
    token_id bigint,
    operation text NOT NULL,
    entity text NOT NULL,
    object_key text NOT NULL,
    before_json text,
    after_json text
);
CREATE INDEX audit_log_eid ON audit_log(eid, id);
CREATE INDEX audit_log_at ON audit_log(at);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
