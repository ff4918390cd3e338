import type { Database } from 'better-sqlite3';

/** Known actions; the column is free text so later features can add their own. */
export type AuditAction = 'list' | 'revoke' | 'revoke_all' | 'denied' | 'start' | (string & {});

export interface AuditEntry {
  readonly id: number;
  readonly createdAt: string;
  readonly actorId: number | null;
  readonly action: string;
  readonly targetHash: string | null;
  readonly outcome: string;
  readonly detail: string | null;
  readonly finishedAt: string | null;
}

export interface AuditStart {
  readonly actorId: number | null;
  readonly action: AuditAction;
  /** Decimal int64 text, never a JS number. */
  readonly targetHash?: bigint | null;
  readonly detail?: string | null;
}

interface Row {
  id: number;
  created_at: string;
  actor_id: number | null;
  action: string;
  target_hash: string | null;
  outcome: string;
  detail: string | null;
  finished_at: string | null;
}

const toEntry = (r: Row): AuditEntry => ({
  id: r.id,
  createdAt: r.created_at,
  actorId: r.actor_id,
  action: r.action,
  targetHash: r.target_hash,
  outcome: r.outcome,
  detail: r.detail,
  finishedAt: r.finished_at,
});

export type AuditLog = ReturnType<typeof createAuditLog>;

/** The `audit_log` table: one row per action, written `pending` before it runs and finished after. */
export function createAuditLog(db: Database, now: () => Date = () => new Date()) {
  const insert = db.prepare<[string, number | null, string, string | null, string, string | null, string | null]>(
    `INSERT INTO audit_log (created_at, actor_id, action, target_hash, outcome, detail, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const finishRow = db.prepare<[string, string | null, string, number]>(
    `UPDATE audit_log SET outcome = ?, detail = COALESCE(?, detail), finished_at = ? WHERE id = ?`,
  );
  const recentRows = db.prepare<[number]>(`SELECT * FROM audit_log ORDER BY id DESC LIMIT ?`);
  const pendingRows = db.prepare(`SELECT * FROM audit_log WHERE outcome = 'pending' ORDER BY id`);
  const pruneRows = db.prepare<[string, string, number]>(
    `DELETE FROM audit_log WHERE action = ? AND id <= (
       SELECT id FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
  );

  const add = (e: AuditStart, outcome: string, finished: boolean): number => {
    const at = now().toISOString();
    const target = e.targetHash == null ? null : e.targetHash.toString(10);
    const { lastInsertRowid } = insert.run(at, e.actorId, e.action, target, outcome, e.detail ?? null, finished ? at : null);
    return Number(lastInsertRowid);
  };

  return {
    /** Records an action as `pending` before it runs; returns the row id to finish it with. */
    begin: (e: AuditStart): number => add(e, 'pending', false),
    /** `outcome` is `ok` or Telegram's error code (`HASH_INVALID`, `FLOOD_WAIT_30`, ...). */
    finish(id: number, outcome: string, detail?: string): void {
      finishRow.run(outcome, detail ?? null, now().toISOString(), id);
    },
    /** An action that has no separate outcome (a denial, a notice). */
    record: (e: AuditStart, outcome: string): number => add(e, outcome, true),
    recent: (limit: number): AuditEntry[] => (recentRows.all(limit) as Row[]).map(toEntry),
    /** Keeps only the newest `keep` rows of one action (used for denials, never for the owner's actions). */
    pruneAction(action: string, keep: number): void {
      pruneRows.run(action, action, keep);
    },
    /** Runs several writes as one transaction: one fsync for a burst instead of one per row. */
    batch<T>(work: () => T): T {
      return db.transaction(work)();
    },
    /** Actions a crash interrupted between `begin` and `finish`. */
    pending: (): AuditEntry[] => (pendingRows.all() as Row[]).map(toEntry),
  };
}
