import type { Database } from 'better-sqlite3';
import { asStore, type ResilientStore } from './resilient-store';

/** One message waiting for one out-of-band channel; `body` is the message as stored (JSON). */
export interface ChannelRow {
  readonly id: number;
  readonly channel: string;
  readonly kind: string;
  readonly body: string;
  /** When it was queued (ms since epoch): the age bound counts from here, across restarts. */
  readonly createdAt: number;
}

/** What /status shows for one channel. */
export interface ChannelCounts {
  readonly waiting: number;
  /** Messages given up after the age bound, among those still kept (a week). */
  readonly dropped: number;
  /** When the channel last delivered something (ms since epoch), if it ever did within the week. */
  readonly lastDeliveredAt: number | undefined;
}

/** Finished rows (delivered or dropped) are kept this long, for /status's counts. */
const KEEP_FINISHED_MS = 7 * 24 * 3600 * 1000;

/**
 * The `channel_outbox` table: each channel's durable queue. Writes pass the resilient store like
 * every other write, so a full or read-only disk keeps them in memory and replays them in order.
 */
export function createChannelOutboxStore(source: Database | ResilientStore, now: () => Date = () => new Date()) {
  const store = asStore(source);
  const db = store.db;
  const insert = db.prepare<[string, string, string, string]>(`INSERT INTO channel_outbox (channel, kind, body, created_at) VALUES (?, ?, ?, ?)`);
  const finish = (column: 'delivered_at' | 'dropped_at') =>
    db.prepare<[string, number]>(`UPDATE channel_outbox SET ${column} = ? WHERE id = ? AND delivered_at IS NULL AND dropped_at IS NULL`);
  const delivered = finish('delivered_at');
  const dropped = finish('dropped_at');
  const waiting = db.prepare<[string]>(
    `SELECT id, channel, kind, body, created_at AS createdAt FROM channel_outbox WHERE channel = ? AND delivered_at IS NULL AND dropped_at IS NULL ORDER BY id`,
  );
  const counts = db.prepare<[string]>(
    `SELECT sum(delivered_at IS NULL AND dropped_at IS NULL) AS waiting, sum(dropped_at IS NOT NULL) AS dropped, max(delivered_at) AS last
     FROM channel_outbox WHERE channel = ?`,
  );
  const prune = db.prepare<[string]>(`DELETE FROM channel_outbox WHERE coalesce(delivered_at, dropped_at) < ?`);
  const dropUnset = db.prepare<[string, string]>(
    `UPDATE channel_outbox SET dropped_at = ? WHERE delivered_at IS NULL AND dropped_at IS NULL AND channel NOT IN (SELECT value FROM json_each(?))`,
  );

  return {
    /** Runs `work` in one transaction now (true), or keeps it and replays it once the database takes writes (false). */
    write(work: () => void, onWritten?: () => void): boolean {
      return store.write(work, onWritten);
    },
    /** Queues one message for one channel; returns its row id. Call inside write(). */
    insert(channel: string, kind: string, body: string, createdAtMs: number): number {
      return Number(insert.run(channel, kind, body, new Date(createdAtMs).toISOString()).lastInsertRowid);
    },
    markDelivered(id: number): void {
      delivered.run(now().toISOString(), id);
    },
    markDropped(id: number): void {
      dropped.run(now().toISOString(), id);
    },
    /** The channel's waiting rows, oldest first. */
    waiting(channel: string): ChannelRow[] {
      return (waiting.all(channel) as Array<Omit<ChannelRow, 'createdAt'> & { createdAt: string }>).map((r) => ({ ...r, createdAt: Date.parse(r.createdAt) }));
    },
    counts(channel: string): ChannelCounts {
      const r = counts.get(channel) as { waiting: number | null; dropped: number | null; last: string | null };
      return { waiting: r.waiting ?? 0, dropped: r.dropped ?? 0, lastDeliveredAt: r.last ? Date.parse(r.last) : undefined };
    },
    pruneFinished(): void {
      prune.run(new Date(now().getTime() - KEEP_FINISHED_MS).toISOString());
    },
    /** Gives up what waits for channels no longer set (a setting removed from .env); returns how many. */
    dropUnset(configured: readonly string[]): number {
      return dropUnset.run(now().toISOString(), JSON.stringify(configured)).changes;
    },
  };
}

export type ChannelOutboxStore = ReturnType<typeof createChannelOutboxStore>;
