import type { Database } from 'better-sqlite3';
import type { SeenVia } from '../domain/new-login';
import { asStore, type ResilientStore } from './resilient-store';

/** What the owner's press did to one login of an alert: ended, or not, with Telegram's error code. */
export type LineOutcome = { readonly ended: true } | { readonly ended: false; readonly code: string };

/** One login on a delivered new-login alert: its number there, how it was found, and what the owner's press did. */
export interface AlertLine {
  /** 1-based position among the message's lines: the number its line and End button show (bursts with buttons fit one message). */
  readonly n: number;
  readonly hash: bigint;
  readonly via: SeenVia;
  /** What a press did to it; undefined until pressed. */
  readonly outcome: LineOutcome | undefined;
  /** The device the guard last knew it by (known_session), for a line whose session is gone. */
  readonly device: string | undefined;
}

/** Lines are kept this long; a press on an older alert answers with a new message instead of a redraw. */
const KEEP_MS = 30 * 24 * 3600 * 1000;
/** Alerts whose lines are also kept in memory: those the database has not taken yet are among the newest. */
const REMEMBERED = 500;
/** Old lines are pruned once in this many recorded alerts, besides at start. */
const PRUNE_EVERY = 200;

/**
 * The `alert_line` table: the one place an alert's state lives. The outbox records the lines in the
 * transaction that marks the message delivered (it alone knows the message id); the notifier also
 * remembers them in memory at delivery, so an alert delivered while the database refuses writes
 * still has its state. The buttons read them and record each press's outcome, also kept in memory
 * for the newest alerts.
 */
export function createAlertLines(source: Database | ResilientStore, now: () => Date = () => new Date()) {
  const store = asStore(source);
  const db = store.db;
  const insert = db.prepare<[number, number, string, string, string]>(
    `INSERT INTO alert_line (message_id, n, hash, seen_via, created_at)
     VALUES (?, ?, ?, COALESCE((SELECT seen_via FROM known_session WHERE hash = ?), 'push'), ?) ON CONFLICT DO NOTHING`,
  );
  const select = db.prepare<[number]>(
    `SELECT a.n, a.hash, a.seen_via AS via, a.outcome, a.error_code AS code, coalesce(k.device_model, k.description) AS device
     FROM alert_line a LEFT JOIN known_session k ON k.hash = a.hash WHERE a.message_id = ? ORDER BY a.n`,
  );
  const setOutcome = db.prepare<[string, string | null, number, string]>(`UPDATE alert_line SET outcome = ?, error_code = ? WHERE message_id = ? AND hash = ?`);
  const prune = db.prepare<[string]>(`DELETE FROM alert_line WHERE created_at < ?`);
  /** The newest presses' outcomes, so a redraw sees them whether or not the database took them. */
  const outcomes = new Map<string, LineOutcome>();
  /** The newest alerts' lines by message id, in line order (bounded). */
  const remembered = new Map<number, readonly bigint[]>();
  let recorded = 0;
  const keyOf = (messageId: number, hash: bigint | string): string => `${messageId}:${hash}`;

  const pruneOld = (): void => void store.write(() => prune.run(new Date(now().getTime() - KEEP_MS).toISOString()));

  return {
    /**
     * Records that message `messageId` shows these logins, numbered in this order. Call inside the
     * write that marks the message delivered; a second call for the same message changes nothing.
     */
    record(messageId: number, hashes: readonly bigint[]): void {
      const at = now().toISOString();
      hashes.forEach((hash, i) => insert.run(messageId, i + 1, hash.toString(10), hash.toString(10), at));
      if (++recorded % PRUNE_EVERY === 0) setImmediate(pruneOld);
    },
    /** Keeps the lines of a message just delivered in memory, whatever the database does. */
    remember(messageId: number, hashes: readonly bigint[]): void {
      remembered.set(messageId, hashes);
      if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value as number);
    },
    /** The logins message `messageId` shows, by number; empty for a message with no recorded lines. */
    lines(messageId: number): AlertLine[] {
      let rows: Array<{ n: number; hash: string; via: SeenVia; outcome: 'ended' | 'failed' | null; code: string | null; device: string | null }> = [];
      try {
        rows = select.all(messageId) as typeof rows;
      } catch {
        // An unreadable database: what memory holds, if anything.
      }
      if (rows.length === 0) {
        rows = (remembered.get(messageId) ?? []).map((hash, i) => ({ n: i + 1, hash: hash.toString(10), via: 'push', outcome: null, code: null, device: null }));
      }
      return rows.map((r) => {
        const stored: LineOutcome | undefined = r.outcome === 'ended' ? { ended: true } : r.outcome === 'failed' ? { ended: false, code: r.code ?? 'UNKNOWN' } : undefined;
        return { n: r.n, hash: BigInt(r.hash), via: r.via, outcome: outcomes.get(keyOf(messageId, r.hash)) ?? stored, device: r.device ?? undefined };
      });
    },
    /** What the owner's press did to `hash` on message `messageId`. */
    outcome(messageId: number, hash: bigint, outcome: LineOutcome): void {
      const h = hash.toString(10);
      // In memory too: a redraw reads it even while the write is kept for later, or when the lines
      // were only remembered (the database refused them).
      outcomes.set(keyOf(messageId, h), outcome);
      if (outcomes.size > REMEMBERED * 8) outcomes.delete(outcomes.keys().next().value as string);
      store.write(() => setOutcome.run(outcome.ended ? 'ended' : 'failed', outcome.ended ? null : outcome.code, messageId, h));
    },
    prune: pruneOld,
  };
}

export type AlertLines = ReturnType<typeof createAlertLines>;
