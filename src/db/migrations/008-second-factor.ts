import type { Migration } from './index';

/**
 * The owner's second factor (one row): the last TOTP step accepted, so no code is ever accepted
 * twice, even across a restart; the recent wrong answers and the lockout. Never a code or the secret.
 */
export const secondFactor: Migration = {
  version: 8,
  name: 'second factor state',
  sql: `
    CREATE TABLE second_factor (
      id           INTEGER PRIMARY KEY CHECK (id = 1),
      last_step    INTEGER,
      wrong_at     TEXT    NOT NULL,
      locked_until INTEGER,
      lock_level   INTEGER NOT NULL,
      updated_at   TEXT    NOT NULL
    ) STRICT;
  `,
};
