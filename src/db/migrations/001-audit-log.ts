import type { Migration } from './index';

/**
 * STRICT so a hash can never be coerced into a REAL: `target_hash` is TEXT holding the decimal int64.
 * `outcome` is `pending` until the action finishes, so a crash in between leaves a visible trace.
 */
export const auditLog: Migration = {
  version: 1,
  name: 'audit log',
  sql: `
    CREATE TABLE audit_log (
      id          INTEGER PRIMARY KEY,
      created_at  TEXT    NOT NULL,
      actor_id    INTEGER,
      action      TEXT    NOT NULL,
      target_hash TEXT    CHECK (target_hash IS NULL OR (target_hash NOT GLOB '*[^0-9-]*' AND length(target_hash) BETWEEN 1 AND 20)),
      outcome     TEXT    NOT NULL,
      detail      TEXT,
      finished_at TEXT
    ) STRICT;
    CREATE INDEX audit_log_by_outcome ON audit_log (outcome) WHERE outcome = 'pending';
  `,
};
