import type { Migration } from './index';

/**
 * A login is claimed before its alert is sent; a crash in between used to lose the alert for good.
 * `alerted_at` marks delivery, so a start can re-send what was claimed but never delivered.
 * Rows from before this migration were handled by the version that wrote them.
 */
export const alertedAt: Migration = {
  version: 3,
  name: 'known_session.alerted_at',
  sql: `
    ALTER TABLE known_session ADD COLUMN alerted_at TEXT;
    UPDATE known_session SET alerted_at = first_seen_at;
  `,
};
