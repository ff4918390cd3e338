import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { Logger } from '../core/log';

/** How often the WAL is copied into the database file, in ms. */
export const WAL_CHECKPOINT_EVERY_MS = 5_000;

/** Past this size (bytes) the WAL file is cut back once no reader needs it. */
export const WAL_SIZE_LIMIT_BYTES = 4 * 1024 * 1024;

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
 *
 * A reader in another process (a backup, the sqlite3 shell) that holds an old snapshot stops the
 * checkpoints from catching up, so the WAL file grows with every write meanwhile, and SQLite keeps a
 * file at the largest size it reached. Two things bound it: `journal_size_limit` cuts the file back
 * whenever SQLite restarts the WAL, and once a passive checkpoint finds every frame copied (the
 * reader is gone) while the file is over the limit, a TRUNCATE checkpoint empties it at once.
 * That one runs with a zero busy timeout: if a reader came back meanwhile it answers "busy" at
 * once and the next tick tries again, so the event loop never waits on another process.
 */
export function startWalCheckpoints(db: Database, options: { readonly everyMs?: number; readonly log: Logger }): WalCheckpoints {
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  const walFile = db.memory ? undefined : `${db.name}-wal`;
  let failing = false;
  const timer = setInterval(() => {
    // Closed before stop(): nothing left to checkpoint (SQLite did it at close), and not a failure.
    if (!db.open) return void clearInterval(timer);
    try {
      const [done] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
      if (done && done.busy === 0 && done.log === done.checkpointed && walFile && walBytes(walFile) > WAL_SIZE_LIMIT_BYTES) {
        truncateWithoutWaiting(db);
      }
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

/** One row of `PRAGMA wal_checkpoint`: busy (0 or 1), frames in the WAL, frames copied. */
interface CheckpointResult {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

const walBytes = (file: string): number => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0; // no WAL file: nothing to cut back
  }
};

/** TRUNCATE waits for readers through the busy handler: with a zero timeout it answers busy at once instead. */
function truncateWithoutWaiting(db: Database): void {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
