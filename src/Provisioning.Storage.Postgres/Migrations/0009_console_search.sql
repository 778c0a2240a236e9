-- Schema 9: the console's searches among a million extensions (issue #18, docs/PERFORMANCE.md "Web console").
-- An address substring of three characters or more is found through a trigram index of the folded address instead of
-- reading every row. pg_trgm ships with PostgreSQL (Debian's postgresql-NN package) and is a trusted extension: the
-- database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX extensions_address_trigrams ON extensions USING gin (address_key gin_trgm_ops);

-- The search by recording mode within an environment, in id order: a page of a rare mode without reading the others.
-- getStatistics' per-mode counts read this index instead of the rows.
CREATE INDEX extensions_mode ON extensions(tenant_id, recording_mode, id);
