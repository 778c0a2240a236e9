-- Schema 4: failed logins count per login and client address, and an attempt counts from before its password is
-- checked (spec §4). The per-login rows of schema 1 have no address to carry over; dropping them ends a lockout that is
-- running at the upgrade, which is at most 15 minutes of protection given up once.
DROP TABLE login_throttle;

CREATE TABLE login_attempts (
    eid_key text NOT NULL,
    login_key text NOT NULL,
    client text NOT NULL,
    attempts integer NOT NULL,
    window_start timestamptz NOT NULL,
    locked_until timestamptz,
    PRIMARY KEY (eid_key, login_key, client)
);
