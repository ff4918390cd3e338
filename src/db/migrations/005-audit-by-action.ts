import type { Migration } from './index';

/**
 * Denial rows are pruned to the newest 5,000 after every row written, and `/log` filters by action:
 * both look rows up by (action, id), which without this index is a scan of the whole log.
 */
export const auditByAction: Migration = {
  version: 5,
  name: 'audit_log by action',
  sql: `CREATE INDEX audit_log_by_action ON audit_log (action, id);`,
};
