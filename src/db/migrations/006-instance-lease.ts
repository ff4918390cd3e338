import type { Migration } from './index';

/**
 * One row while a copy of session-warden runs on this database: which process, and when it last
 * said it was alive. A second copy on the same database reads it and stops before it polls or alerts.
 */
export const instanceLease: Migration = {
  version: 6,
  name: 'instance_lease',
  sql: `
    CREATE TABLE instance_lease (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      pid INTEGER NOT NULL,
      host TEXT NOT NULL,
      started_at TEXT NOT NULL,
      heartbeat_ms INTEGER NOT NULL
    ) STRICT;
  `,
};
