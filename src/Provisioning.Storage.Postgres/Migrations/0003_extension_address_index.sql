-- Schema 3: extensions found by address across environments (getExtension and listExtensions without an environment)
-- use an index instead of a scan.
CREATE INDEX extensions_address ON extensions(address_key);
