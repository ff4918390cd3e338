import type { Migration } from './index';

/**
 * State for new-login detection and guard mode. `known_session` is the dedup key for all three
 * detection paths: a hash is alerted once, whichever path inserts it first.
 */
export const loginWatch: Migration = {
  version: 2,
  name: 'login watch, trusted devices, settings',
  sql: `
    CREATE TABLE known_session (
      hash          TEXT    PRIMARY KEY CHECK (hash NOT GLOB '*[^0-9-]*' AND length(hash) BETWEEN 1 AND 20),
      first_seen_at TEXT    NOT NULL,
      seen_via      TEXT    NOT NULL,
      api_id        INTEGER,
      app_name      TEXT,
      device_model  TEXT,
      platform      TEXT,
      description   TEXT,
      ended_at      TEXT
    ) STRICT;
    CREATE TABLE trusted_device (
      id           INTEGER PRIMARY KEY,
      fingerprint  TEXT    NOT NULL UNIQUE,
      api_id       INTEGER NOT NULL,
      app_name     TEXT    NOT NULL,
      device_model TEXT    NOT NULL,
      platform     TEXT    NOT NULL,
      added_at     TEXT    NOT NULL
    ) STRICT;
    CREATE TABLE setting (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `,
};
