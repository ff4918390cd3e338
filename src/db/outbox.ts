import type { Database } from 'better-sqlite3';
import { asStore, type ResilientStore } from './resilient-store';

/** One undelivered message as stored; `hashes` are the logins a new-login alert covers. */
export interface OutboxRow {
  readonly id: number;
  readonly kind: string;
  readonly text: string;
  readonly replyMarkup: string | null;
  readonly key: string | null;
  readonly hashes: readonly string[];
}

export interface NewOutboxRow {
  readonly kind: string;
  readonly text: string;
  readonly replyMarkup: string | null;
  readonly key: string | null;
  readonly hashes: readonly string[];
}

/** Delivered rows are kept this long, so a notice told twice (same key) within it goes out once. */
const KEEP_DELIVERED_MS = 7 * 24 * 3600 * 1000;

/**
 * The `outbox` table: messages the owner must receive, kept until the Bot API accepted them. Its
 * writes pass the same resilient store as every other write, so one mechanism knows whether the
 * database takes writes, keeps what it refuses and replays it in order.
 */
export function createOutboxStore(source: Database | ResilientStore, now: () => Date = () => new Date()) {
  const store = asStore(source);
  const db = store.db;
  const insert = db.prepare<[string, string, string | null, string | null, string, string, string | null]>(
    `INSERT INTO outbox (kind, text, reply_markup, dedup_key, hashes, created_at, delivered_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (dedup_key) DO NOTHING`,
  );
  const revise = db.prepare<[string, string | null, number]>(`UPDATE outbox SET text = ?, reply_markup = ? WHERE id = ? AND delivered_at IS NULL`);
  const delivered = db.prepare<[string, number]>(`UPDATE outbox SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL`);
  const undelivered = db.prepare(
    `SELECT id, kind, text, reply_markup AS replyMarkup, dedup_key AS key, hashes FROM outbox WHERE delivered_at IS NULL ORDER BY id`,
  );
  const hasKey = db.prepare<[string]>(`SELECT 1 FROM outbox WHERE dedup_key = ?`);
  const prune = db.prepare<[string]>(`DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?`);

  return {
    /**
     * Runs `work` in one transaction through the resilient store: now (true), or kept in memory and
     * replayed in order once the database takes writes again (false). `onWritten` runs after the
     * commit, whenever that is. Never throws for storage (full, read-only, locked).
     */
    write(work: () => void, onWritten?: () => void): boolean {
      return store.write(work, onWritten);
    },
    /** The new row's id, or undefined when a row with this key exists already. Call inside write(). */
    insert(row: NewOutboxRow, deliveredNow: boolean): number | undefined {
      const at = now().toISOString();
      const r = insert.run(row.kind, row.text, row.replyMarkup, row.key, JSON.stringify(row.hashes), at, deliveredNow ? at : null);
      return r.changes === 1 ? Number(r.lastInsertRowid) : undefined;
    },
    revise(id: number, text: string, replyMarkup: string | null): void {
      revise.run(text, replyMarkup, id);
    },
    markDelivered(id: number): void {
      delivered.run(now().toISOString(), id);
    },
    undelivered(): OutboxRow[] {
      return (undelivered.all() as Array<Omit<OutboxRow, 'hashes'> & { hashes: string }>).map((r) => ({ ...r, hashes: JSON.parse(r.hashes) as string[] }));
    },
    hasKey(key: string): boolean {
      return hasKey.get(key) !== undefined;
    },
    pruneDelivered(): void {
      prune.run(new Date(now().getTime() - KEEP_DELIVERED_MS).toISOString());
    },
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
