import type { Database } from 'better-sqlite3';
import { auditLog } from './001-audit-log';
import { loginWatch } from './002-login-watch';
import { alertedAt } from './003-alerted-at';
import { outbox } from './004-outbox';
import { auditByAction } from './005-audit-by-action';
import { instanceLease } from './006-instance-lease';
import { doors } from './007-doors';
import { secondFactor } from './008-second-factor';
import { sessionHistory } from './009-session-history';
import { channelOutbox } from './010-channel-outbox';
import { alertLines } from './011-alert-lines';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Append only: a released migration is never edited, a change is a new entry. */
export const MIGRATIONS: readonly Migration[] = [auditLog, loginWatch, alertedAt, outbox, auditByAction, instanceLease, doors, secondFactor, sessionHistory, channelOutbox, alertLines];

export class DatabaseTooNewError extends Error {
  override readonly name = 'DatabaseTooNewError';
}

/**
 * Brings the schema to the newest version. Each step runs in its own transaction together with its
 * `PRAGMA user_version`, so a crash leaves the database at a whole version, never half-migrated.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new DatabaseTooNewError(
      `the database is at schema version ${current}, newer than this program knows (${latest}): update session-warden`,
    );
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
