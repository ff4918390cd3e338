import type { Database } from 'better-sqlite3';
import { asStore, MAX_PENDING_WRITES, type ResilientStore } from './resilient-store';

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

/**
 * What `/log` shows. `actions`: only the owner's actions and alerts (no denials, no reads such as
 * `list` or `log_view`); `denied`: only denials; `all`: everything.
 */
export type AuditView = 'actions' | 'denied' | 'all';
/** Audit rows that only record that something was looked at; hidden from the default /log. */
export const READ_ACTIONS = ['list', 'web_list', 'log_view'] as const;

/**
 * The `audit_log` table: one row per action, written `pending` before it runs and finished after.
 * Every write goes through the resilient store, so a full or locked disk never makes an action fail:
 * `begin` then returns a provisional negative id that `finish` resolves when the row is written.
 */
export function createAuditLog(source: Database | ResilientStore, now: () => Date = () => new Date()) {
  const store = asStore(source);
  const db = store.db;
  const insert = db.prepare<[string, number | null, string, string | null, string, string | null, string | null]>(
    `INSERT INTO audit_log (created_at, actor_id, action, target_hash, outcome, detail, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const finishRow = db.prepare<[string, string | null, string, number]>(
    `UPDATE audit_log SET outcome = ?, detail = COALESCE(?, detail), finished_at = ? WHERE id = ?`,
  );
  const hidden = ['denied', ...READ_ACTIONS];
  const recentRows = {
    all: db.prepare<[number]>(`SELECT * FROM audit_log ORDER BY id DESC LIMIT ?`),
    denied: db.prepare<[number]>(`SELECT * FROM audit_log WHERE action = 'denied' ORDER BY id DESC LIMIT ?`),
    actions: db.prepare<[number]>(
      `SELECT * FROM audit_log WHERE action NOT IN (${hidden.map((a) => `'${a}'`).join(', ')}) ORDER BY id DESC LIMIT ?`,
    ),
  } satisfies Record<AuditView, unknown>;
  const pendingRows = db.prepare(`SELECT * FROM audit_log WHERE outcome = 'pending' ORDER BY id`);
  const pruneRows = db.prepare<[string, string, number]>(
    `DELETE FROM audit_log WHERE action = ? AND id <= (
       SELECT id FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
  );
  // Provisional (negative) ids of rows kept in memory, to the real ids they got when written. A
  // finish may come long after (a slow account call), so entries stay; the oldest go past a bound.
  const written = new Map<number, number>();
  const remember = (temp: number, id: number): void => {
    written.set(temp, id);
    if (written.size > MAX_PENDING_WRITES) written.delete(written.keys().next().value!);
  };
  let provisional = 0;

  const add = (e: AuditStart, outcome: string, finished: boolean): number => {
    const at = now().toISOString();
    const target = e.targetHash == null ? null : e.targetHash.toString(10);
    const args = [at, e.actorId, e.action, target, outcome, e.detail ?? null, finished ? at : null] as const;
    let id = 0;
    const temp = --provisional;
    const ranNow = store.write(() => {
      id = Number(insert.run(...args).lastInsertRowid);
      remember(temp, id);
    });
    if (ranNow) written.delete(temp);
    return ranNow ? id : temp;
  };

  return {
    /** Records an action as `pending` before it runs; returns the row id to finish it with. */
    begin: (e: AuditStart): number => add(e, 'pending', false),
    /** `outcome` is `ok` or Telegram's error code (`HASH_INVALID`, `FLOOD_WAIT_30`, ...). */
    finish(id: number, outcome: string, detail?: string): void {
      const at = now().toISOString();
      store.write(() => {
        const real = id < 0 ? written.get(id) : id;
        // A provisional row dropped because memory was full has nothing left to finish.
        if (real !== undefined) finishRow.run(outcome, detail ?? null, at, real);
      });
    },
    /** An action that has no separate outcome (a denial, a notice). */
    record: (e: AuditStart, outcome: string): number => add(e, outcome, true),
    /** The newest `limit` rows of one view, newest first. */
    recent: (limit: number, view: AuditView = 'all'): AuditEntry[] => (recentRows[view].all(limit) as Row[]).map(toEntry),
    /** Keeps only the newest `keep` rows of one action (used for denials, never for the owner's actions). */
    pruneAction(action: string, keep: number): void {
      store.write(() => pruneRows.run(action, action, keep));
    },
    /** Runs several writes as one transaction: one fsync for a burst instead of one per row. */
    batch<T>(work: () => T): T {
      return store.batch(work);
    },
    /** Actions a crash interrupted between `begin` and `finish`. */
    pending: (): AuditEntry[] => (pendingRows.all() as Row[]).map(toEntry),
    /** Rows waiting in memory because the database cannot take them now. */
    get unwritten(): number {
      return store.pending;
    },
  };
}
