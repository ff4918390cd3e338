import type { Database } from 'better-sqlite3';
import type { Logger } from '../core/log';

/** How often the WAL is copied into the database file, in ms. */
export const WAL_CHECKPOINT_EVERY_MS = 5_000;

export interface WalCheckpoints {
  /** Ends the timer. The last checkpoint is SQLite's own, when the database closes. */
  stop(): void;
}

/**
 * Moves WAL checkpoints out of the writes. By default SQLite checkpoints inside the commit that
 * takes the WAL past 1000 pages: that commit copies every page into the database file and syncs it
 * (35 ms for 1000 pages on the bench machine), and in this app it can be the audit row written just
 * before guard mode's resetAuthorization or an alert's bookkeeping. Here autocheckpoint is off and a
 * PASSIVE checkpoint runs every `everyMs` ms on its own timer: it never waits for a lock (another
 * process holding one just means the next tick does the work) and the WAL holds about `everyMs`
 * of writes (its file keeps the largest size it reached; SQLite reuses it from the start). A
 * failing checkpoint (disk full, file gone) is logged at warn; the resilient store reports storage
 * trouble to the owner, and the WAL keeps every commit meanwhile.
 */
export function startWalCheckpoints(db: Database, options: { readonly everyMs?: number; readonly log: Logger }): WalCheckpoints {
  db.pragma('wal_autocheckpoint = 0');
  let failing = false;
  const timer = setInterval(() => {
    // Closed before stop(): nothing left to checkpoint (SQLite did it at close), and not a failure.
    if (!db.open) return void clearInterval(timer);
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
      failing = false;
    } catch (err) {
      // Once per run of failures: the timer keeps trying every few seconds.
      if (!failing) options.log.warn({ err }, 'could not checkpoint the database WAL; retrying');
      failing = true;
    }
  }, options.everyMs ?? WAL_CHECKPOINT_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
