import type { Migration } from './index';

/**
 * Everything the owner must be told waits here until the Bot API accepted it. `hashes` lists the
 * logins a new-login alert covers (a JSON array of decimal strings), so a start neither re-alerts
 * them from `known_session` nor loses them. `dedup_key` makes a notice told twice go out once.
 * Delivered rows stay a while for that deduplication and are pruned at start.
 */
export const outbox: Migration = {
  version: 4,
  name: 'outbox',
  sql: `
    CREATE TABLE outbox (
      id           INTEGER PRIMARY KEY,
      kind         TEXT    NOT NULL,
      text         TEXT    NOT NULL,
      reply_markup TEXT,
      dedup_key    TEXT    UNIQUE,
      hashes       TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(hashes)),
      created_at   TEXT    NOT NULL,
      delivered_at TEXT
    ) STRICT;
    CREATE INDEX outbox_undelivered ON outbox (id) WHERE delivered_at IS NULL;
  `,
};
