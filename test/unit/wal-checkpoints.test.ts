import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/open-database';
import { startWalCheckpoints, WAL_SIZE_LIMIT_BYTES } from '../../src/db/wal-checkpoints';
import { silentLogger } from '../../src/core/log';

/**
 * SQLite checkpoints the WAL inside whichever commit crosses 1000 pages: that commit copies every page
 * into the database file and syncs it, tens of ms on this disk. In the app that commit can be the
 * audit row written just before guard mode's resetAuthorization. The checkpoints run on their own
 * timer instead, never inside a write.
 */
const tmpDb = (): string => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wal-')), 'w.sqlite');
const fill = (db: ReturnType<typeof openDatabase>, rows: number): void => {
  db.exec('CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, v TEXT)');
  const insert = db.prepare('INSERT INTO filler (v) VALUES (?)');
  for (let i = 0; i < rows; i++) insert.run('x'.repeat(3000)); // about one page a row, each its own commit
};
/** [busy, frames in the WAL, frames checkpointed] after a passive checkpoint. */
const walFrames = (db: ReturnType<typeof openDatabase>): number => (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0]!.log;

describe('WAL checkpoints', () => {
  it('never run inside a write: 1500 pages written one commit at a time are all still in the WAL', () => {
    const db = openDatabase(tmpDb());
    const checkpoints = startWalCheckpoints(db, { everyMs: 3_600_000, log: silentLogger });
    try {
      fill(db, 1500);
      // Without the checkpointer SQLite would have restarted the WAL at 1000 pages.
      expect(walFrames(db)).toBeGreaterThanOrEqual(1500);
    } finally {
      checkpoints.stop();
      db.close();
    }
  });

  it('run on their timer: the written pages reach the database file without another write', async () => {
    const file = tmpDb();
    const db = openDatabase(file);
    const checkpoints = startWalCheckpoints(db, { everyMs: 50, log: silentLogger });
    try {
      const before = fs.statSync(file).size;
      fill(db, 300);
      expect(fs.statSync(file).size).toBe(before);
      await new Promise((r) => setTimeout(r, 300));
      expect(fs.statSync(file).size).toBeGreaterThan(before + 300 * 3000);
    } finally {
      checkpoints.stop();
      db.close();
    }
  });

  it('a checkpoint that fails is logged once per run of failures and does not throw', async () => {
    const db = openDatabase(tmpDb());
    const warnings: unknown[] = [];
    const log = { ...silentLogger, warn: (o: unknown) => void warnings.push(o) } as typeof silentLogger;
    const real = db.pragma.bind(db);
    db.pragma = ((sql: string, opts?: never) => {
      if (sql.startsWith('wal_checkpoint')) throw Object.assign(new Error('database or disk is full'), { name: 'SqliteError', code: 'SQLITE_FULL' });
      return real(sql, opts);
    }) as typeof db.pragma;
    const checkpoints = startWalCheckpoints(db, { everyMs: 20, log });
    await new Promise((r) => setTimeout(r, 120));
    checkpoints.stop();
    db.close();
    expect(warnings).toHaveLength(1);
  });

  it('a database closed before stop() ends the timer quietly: closing is not a failure', async () => {
    const db = openDatabase(tmpDb());
    const warnings: unknown[] = [];
    const log = { ...silentLogger, warn: (o: unknown) => void warnings.push(o) } as typeof silentLogger;
    startWalCheckpoints(db, { everyMs: 20, log });
    db.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(warnings).toEqual([]);
  });

  it('shrink back once a reader that held an old snapshot leaves: the WAL file is bounded, not kept at its peak', async () => {
    const file = tmpDb();
    const db = openDatabase(file);
    const checkpoints = startWalCheckpoints(db, { everyMs: 50, log: silentLogger });
    const reader = holdReadSnapshot(file);
    try {
      await reader.reading;
      fill(db, 3000); // about 9 MB, none of it checkpointable while the reader's snapshot is older
      const peak = fs.statSync(`${file}-wal`).size;
      expect(peak).toBeGreaterThan(8 * 1024 * 1024);
      reader.child.kill('SIGKILL');
      await reader.exited;
      await new Promise((r) => setTimeout(r, 400));
      expect(fs.statSync(`${file}-wal`).size).toBeLessThanOrEqual(WAL_SIZE_LIMIT_BYTES);
    } finally {
      reader.child.kill('SIGKILL');
      checkpoints.stop();
      db.close();
    }
  });
});

/** A second, real process (a backup, the sqlite3 shell) that opens a read transaction and keeps its snapshot. */
function holdReadSnapshot(file: string) {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    process.stdout.write('reading\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['-e', script, file], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  const reading = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('reading') && resolve());
    child.once('exit', (code) => reject(new Error(`the reading process exited (${code}) before it read`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, reading, exited };
}
