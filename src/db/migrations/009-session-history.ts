import type { Migration } from './index';

/**
 * What each session was last seen with, where it has been, and the changes found in it: a session
 * file copied to another machine makes no new login, so only a change in the same hash shows it.
 * `session_trace` holds the last-seen values (one row per active hash, `checked_at` the unix second
 * of the check that saw them), `session_place` the last places (bounded per hash by the code), and
 * `session_change` each change alerted, with what the owner and guard mode did about it.
 */
export const sessionHistory: Migration = {
  version: 9,
  name: 'session history: last-seen values, places, changes',
  sql: `
    CREATE TABLE session_trace (
      hash           TEXT    PRIMARY KEY CHECK (hash NOT GLOB '*[^0-9-]*' AND length(hash) BETWEEN 1 AND 20),
      ip             TEXT    NOT NULL,
      country        TEXT    NOT NULL,
      region         TEXT    NOT NULL,
      device_model   TEXT    NOT NULL,
      platform       TEXT    NOT NULL,
      system_version TEXT    NOT NULL,
      api_id         INTEGER NOT NULL,
      app_name       TEXT    NOT NULL,
      app_version    TEXT    NOT NULL,
      date_active    INTEGER NOT NULL,
      checked_at     INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE session_place (
      hash       TEXT    NOT NULL,
      country    TEXT    NOT NULL,
      region     TEXT    NOT NULL,
      ip         TEXT    NOT NULL,
      first_seen INTEGER NOT NULL,
      last_seen  INTEGER NOT NULL,
      PRIMARY KEY (hash, country, region)
    ) STRICT;
    CREATE TABLE session_change (
      id          INTEGER PRIMARY KEY,
      hash        TEXT    NOT NULL,
      kinds       TEXT    NOT NULL,
      before      TEXT    NOT NULL,
      after       TEXT    NOT NULL,
      found_at    INTEGER NOT NULL,
      official_app INTEGER NOT NULL,
      guard       TEXT,
      alerted_at  TEXT,
      accepted_at TEXT
    ) STRICT;
    CREATE INDEX session_change_by_hash ON session_change (hash, found_at);
  `,
};
