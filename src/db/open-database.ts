// db/ — storage: SQLite, migrations, one repository per table; imports domain/ and core/ only.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { PRIVATE_FILE_MODE, tightenMode } from '../core/private-file';
import { migrate } from './migrations';

export type { Database };

/**
 * How long one write waits for another process's lock, in ms. Short on purpose: the wait blocks the
 * event loop, and a write that still finds the database locked is kept in memory and retried
 * asynchronously by the resilient store instead.
 */
export const BUSY_TIMEOUT_MS = 20;
/** At open only, before anything else runs, a migration may wait longer for a lock to clear. */
const OPEN_BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** Told once when the database or its -wal/-shm was readable by others and has been set to 0600. */
  readonly onLoosened?: (files: readonly string[]) => void;
}

/** The database and the two files SQLite keeps beside it in WAL mode. */
export const databaseFiles = (file: string): string[] => [file, `${file}-wal`, `${file}-shm`];

/**
 * Opens (creating if needed) and migrates the database. It records the account's sessions and IP
 * addresses, so it and its -wal/-shm are 0600 at every start: SQLite creates -wal/-shm with the main
 * file's mode, so the main file is tightened before opening and all three are checked after.
 * WAL with synchronous=NORMAL (below); the app moves checkpoints out of the writes (wal-checkpoints.ts).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  const loosened: string[] = [];
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // -wal/-shm left by an earlier run are reopened as they are, so they are checked here too.
    for (const f of databaseFiles(file)) if (tightenMode(f)) loosened.push(f);
    fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
    // A umask can drop bits from open()'s mode but never add them; this covers a file made just now.
    tightenMode(file);
  }
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  // synchronous=NORMAL: a commit reaches the WAL without waiting for fsync, the disk sync that used to
  // sit in front of every alert. Safe against kill -9 and any process crash (the WAL pages are in the
  // OS page cache, written out whether or not the process lives); only a power loss can drop the last
  // commits, never corrupt the file, and the outbox and known_session.alerted_at then re-send at most once.
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${OPEN_BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  migrate(db);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (file !== ':memory:') {
    for (const f of databaseFiles(file).slice(1)) if (tightenMode(f)) loosened.push(f);
  }
  if (loosened.length > 0) options.onLoosened?.(loosened);
  return db;
}
