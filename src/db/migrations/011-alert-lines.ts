import type { Migration } from './index';

/**
 * What each delivered new-login alert covers, as data: one row per login on the message, in the
 * order its lines are numbered, how the login was found, and what the owner's press did to it
 * (`outcome`: ended, or failed with Telegram's `error_code`), worded only when the alert is drawn,
 * in the owner's language then. A press redraws the alert from these rows (never from the
 * message's text or keyboard), so a burst alert keeps every line and every result across restarts.
 * Rows are pruned after 30 days.
 */
export const alertLines: Migration = {
  version: 11,
  name: 'alert-lines',
  sql: `
    CREATE TABLE alert_line (
      message_id INTEGER NOT NULL,
      n          INTEGER NOT NULL CHECK (n >= 1),
      hash       TEXT    NOT NULL,
      seen_via   TEXT    NOT NULL,
      outcome    TEXT    CHECK (outcome IN ('ended', 'failed')),
      error_code TEXT,
      created_at TEXT    NOT NULL,
      PRIMARY KEY (message_id, n)
    ) STRICT;
    CREATE INDEX alert_line_by_age ON alert_line (created_at);
  `,
};
