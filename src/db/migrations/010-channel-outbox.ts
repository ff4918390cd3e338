import type { Migration } from './index';

/**
 * What the owner must hear outside Telegram waits here, one row per channel (email, ntfy, webhook),
 * until that channel's server took it. `body` is the message as JSON (plain text, no secret).
 * A row older than the channel's age bound is given up: `dropped_at` is set, and /status counts it.
 * Finished rows stay a while for that count and are pruned at start.
 */
export const channelOutbox: Migration = {
  version: 10,
  name: 'channel-outbox',
  sql: `
    CREATE TABLE channel_outbox (
      id           INTEGER PRIMARY KEY,
      channel      TEXT    NOT NULL,
      kind         TEXT    NOT NULL,
      body         TEXT    NOT NULL CHECK (json_valid(body)),
      created_at   TEXT    NOT NULL,
      delivered_at TEXT,
      dropped_at   TEXT
    ) STRICT;
    CREATE INDEX channel_outbox_waiting ON channel_outbox (channel, id) WHERE delivered_at IS NULL AND dropped_at IS NULL;
  `,
};
