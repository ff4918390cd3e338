import type { Migration } from './index';

/**
 * The other doors into the account. `password_state` is the last account.getPassword seen (one row;
 * never srp_B or srp_id), `connected_bot` the business bots seen, `one_shot_action` the buttons that
 * must act once even across restarts and concurrent presses, `seen_country` the countries each
 * trusted device fingerprint has logged in from.
 */
export const doors: Migration = {
  version: 7,
  name: 'password state, connected bots, one-shot buttons, seen countries',
  sql: `
    CREATE TABLE password_state (
      id                        INTEGER PRIMARY KEY CHECK (id = 1),
      has_password              INTEGER NOT NULL,
      has_recovery              INTEGER NOT NULL,
      hint                      TEXT,
      email_unconfirmed_pattern TEXT,
      login_email_pattern       TEXT,
      pending_reset_date        INTEGER,
      algo_fingerprint          TEXT,
      read_at                   TEXT    NOT NULL
    ) STRICT;
    CREATE TABLE connected_bot (
      bot_id        TEXT    PRIMARY KEY CHECK (bot_id NOT GLOB '*[^0-9-]*' AND length(bot_id) BETWEEN 1 AND 20),
      username      TEXT,
      name          TEXT    NOT NULL,
      can_reply     INTEGER NOT NULL,
      first_seen_at TEXT    NOT NULL,
      gone_at       TEXT
    ) STRICT;
    CREATE TABLE one_shot_action (
      id         TEXT PRIMARY KEY,
      kind       TEXT NOT NULL,
      target     TEXT,
      created_at TEXT NOT NULL,
      used_at    TEXT
    ) STRICT;
    CREATE TABLE seen_country (
      fingerprint   TEXT NOT NULL,
      country       TEXT NOT NULL,
      first_seen_at TEXT NOT NULL,
      PRIMARY KEY (fingerprint, country)
    ) STRICT;
  `,
};
