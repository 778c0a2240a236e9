-- Schema 4: failed logins count per login and client address, and an attempt counts from before its password is
-- checked (spec §4). The per-login rows of schema 1 have no address to carry over; dropping them ends a lockout that is
-- running at the upgrade, which is at most 15 minutes of protection given up once.
DROP TABLE login_throttle;

CREATE TABLE login_attempts (
    eid_key TEXT NOT NULL,
    login_key TEXT NOT NULL,
    client TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    window_start INTEGER NOT NULL,
    locked_until INTEGER,
    PRIMARY KEY (eid_key, login_key, client)
) STRICT, WITHOUT ROWID;
