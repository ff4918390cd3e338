import type { Database } from 'better-sqlite3';
import type { SeenVia } from '../domain/new-login';
import { asStore, type ResilientStore } from './resilient-store';

/** One login on a delivered new-login alert: its number there, how it was found, and what the owner's press did. */
export interface AlertLine {
  /** 1-based position among the message's lines: the number its line and End button show (bursts with buttons fit one message). */
  readonly n: number;
  readonly hash: bigint;
  readonly via: SeenVia;
  /** What a press did to it, as the owner read it ("ended", or why not); undefined until pressed. */
  readonly result: string | undefined;
  /** The device the guard last knew it by (known_session), for a line whose session is gone. */
  readonly device: string | undefined;
}

/** Lines are kept this long; a press on an older alert is redrawn from its own button alone. */
const KEEP_MS = 30 * 24 * 3600 * 1000;

/**
 * The `alert_line` table: the one place an alert's state lives. The outbox records the lines in the
 * transaction that marks the message delivered (it alone knows the message id); the buttons read
 * them and record each press's result. Results refused by a failing disk are kept in memory.
 */
export function createAlertLines(source: Database | ResilientStore, now: () => Date = () => new Date()) {
  const store = asStore(source);
  const db = store.db;
  const insert = db.prepare<[number, number, string, string, string]>(
    `INSERT INTO alert_line (message_id, n, hash, seen_via, created_at)
     VALUES (?, ?, ?, COALESCE((SELECT seen_via FROM known_session WHERE hash = ?), 'push'), ?) ON CONFLICT DO NOTHING`,
  );
  const select = db.prepare<[number]>(
    `SELECT a.n, a.hash, a.seen_via AS via, a.result, coalesce(k.device_model, k.description) AS device
     FROM alert_line a LEFT JOIN known_session k ON k.hash = a.hash WHERE a.message_id = ? ORDER BY a.n`,
  );
  const setResult = db.prepare<[string, number, string]>(`UPDATE alert_line SET result = ? WHERE message_id = ? AND hash = ?`);
  const prune = db.prepare<[string]>(`DELETE FROM alert_line WHERE created_at < ?`);
  const kept = { results: new Map<string, string>() };
  const overlay = store.mirror(kept);
  const keyOf = (messageId: number, hash: bigint | string): string => `${messageId}:${hash}`;

  return {
    /**
     * Records that message `messageId` shows these logins, numbered in this order. Call inside the
     * write that marks the message delivered; a second call for the same message changes nothing.
     */
    record(messageId: number, hashes: readonly bigint[]): void {
      const at = now().toISOString();
      hashes.forEach((hash, i) => insert.run(messageId, i + 1, hash.toString(10), hash.toString(10), at));
    },
    /** The logins message `messageId` shows, by number; empty for a message with no recorded lines. */
    lines(messageId: number): AlertLine[] {
      let rows: unknown[];
      try {
        rows = select.all(messageId);
      } catch {
        return []; // an unreadable database: the press still acts, on its own button's login
      }
      return (rows as Array<{ n: number; hash: string; via: SeenVia; result: string | null; device: string | null }>).map((r) => ({
        n: r.n,
        hash: BigInt(r.hash),
        via: r.via,
        result: overlay().results.get(keyOf(messageId, r.hash)) ?? r.result ?? undefined,
        device: r.device ?? undefined,
      }));
    },
    /** What the owner's press did to `hash` on message `messageId`, as shown. */
    result(messageId: number, hash: bigint, text: string): void {
      const h = hash.toString(10);
      if (!store.write(() => setResult.run(text, messageId, h))) kept.results.set(keyOf(messageId, h), text);
    },
    prune(): void {
      store.write(() => prune.run(new Date(now().getTime() - KEEP_MS).toISOString()));
    },
  };
}

export type AlertLines = ReturnType<typeof createAlertLines>;
