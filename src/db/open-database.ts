import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrations';

export type { Database };

/**
 * Opens (creating if needed) and migrates the database. The file is created 0600: it records the
 * account's sessions and IP addresses.
 *
 * WAL with synchronous=NORMAL: a commit is written to the WAL file without waiting for fsync, which
 * is the disk sync that used to sit in front of every alert. It is safe against kill -9 and any
 * process crash, because the written WAL pages are in the OS page cache and the OS writes them out
 * whether or not the process lives; only a power loss or kernel crash can drop the last commits
 * (never corrupt the file), and the outbox and `known_session.alerted_at` then re-send at most once.
 */
export function openDatabase(file: string): Database {
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.closeSync(fs.openSync(file, 'a', 0o600));
  }
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}
