-- Schema 9: the console's searches among a million extensions (issue #18, docs/PERFORMANCE.md "Web console").
-- An address substring of three characters or more is found through the trigrams of the folded address instead of
-- reading every row. The FTS5 table is contentless (the address is in extensions) and keeps no column sizes, so it
-- holds only the trigram index: about 45 bytes per extension. Triggers keep it in step with every write, the bulk
-- import included. A contentless table forgets a row only when told the text it indexed: hence 'delete' with the old key.
CREATE VIRTUAL TABLE extensions_address_search USING fts5(address_key, content='', columnsize=0, tokenize='trigram');
INSERT INTO extensions_address_search (rowid, address_key) SELECT id, address_key FROM extensions;

CREATE TRIGGER extensions_address_search_insert AFTER INSERT ON extensions BEGIN
    INSERT INTO extensions_address_search (rowid, address_key) VALUES (new.id, new.address_key);
END;

CREATE TRIGGER extensions_address_search_delete AFTER DELETE ON extensions BEGIN
    INSERT INTO extensions_address_search (extensions_address_search, rowid, address_key) VALUES ('delete', old.id, old.address_key);
END;

CREATE TRIGGER extensions_address_search_update AFTER UPDATE OF address_key ON extensions WHEN new.address_key IS NOT old.address_key BEGIN
    INSERT INTO extensions_address_search (extensions_address_search, rowid, address_key) VALUES ('delete', old.id, old.address_key);
    INSERT INTO extensions_address_search (rowid, address_key) VALUES (new.id, new.address_key);
END;

-- The search by recording mode within an environment, in id order: a page of a rare mode without reading the others.
-- getStatistics' per-mode counts read this index instead of the rows.
CREATE INDEX extensions_mode ON extensions(tenant_id, recording_mode, id);
