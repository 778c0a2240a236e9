#!/usr/bin/env bash
# How much of a SQLite database the audit log takes (issue #19): pages of the audit tables (audit_entries, audit_contexts,
# audit_chain, audit_prune) and their indexes against those of everything else, and an entry's JSON bytes per operation
# as stored and as read (schema 11 and later). Reads only; the database may be in use.
# A database to read: `bench/run --fill 1000000 --only none --keep` keeps it as <kept folder>/sqlite/provisioning.db.
# Usage: bench/audit-share.sh FILE.db
set -euo pipefail
db=${1:?usage: bench/audit-share.sh FILE.db}
command -v sqlite3 >/dev/null || { echo "sqlite3 (the command-line shell) is needed" >&2; exit 2; }
sqlite3 -readonly "$db" <<'SQL'
.mode column
.headers on
WITH pages AS (
  SELECT CASE WHEN name LIKE 'audit\_%' ESCAPE '\' THEN 'audit log'
              WHEN name = 'extensions' OR tbl_name = 'extensions' THEN 'extensions'
              ELSE 'everything else' END AS part, SUM(pgsize) AS bytes
  FROM dbstat JOIN sqlite_schema USING (name) GROUP BY 1
)
SELECT part, bytes, ROUND(100.0 * bytes / (SELECT SUM(bytes) FROM pages), 1) AS percent,
       ROUND(1.0 * bytes / CASE part WHEN 'audit log' THEN (SELECT COUNT(*) FROM audit_log)
                                     WHEN 'extensions' THEN (SELECT COUNT(*) FROM extensions) END, 1) AS bytes_per_row
FROM pages ORDER BY bytes DESC;
SELECT c.operation, COUNT(*) AS entries,
       ROUND(AVG(COALESCE(LENGTH(CAST(e.before_json AS BLOB)), 0) + COALESCE(LENGTH(CAST(e.after_json AS BLOB)), 0)), 1) AS json_bytes_stored,
       ROUND(AVG(COALESCE(LENGTH(CAST(a.before_json AS BLOB)), 0) + COALESCE(LENGTH(CAST(a.after_json AS BLOB)), 0)), 1) AS json_bytes_read
FROM audit_entries e JOIN audit_contexts c ON c.id = e.context JOIN audit_log a ON a.id = e.id GROUP BY c.operation ORDER BY entries DESC;
SQL
