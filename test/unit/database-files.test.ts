import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { watchDatabaseFile, type DatabaseFileEvent } from '../../src/db/database-file-watch';
import { openDatabase } from '../../src/db/open-database';
import { tightenMode } from '../../src/core/private-file';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-files-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const mode = (f: string) => fs.statSync(f).mode & 0o777;

describe('database file modes', () => {
  it('tightens a database left at 0644, and its -wal/-shm, at every start, reporting them once', () => {
    const file = path.join(dir, 'warden.sqlite');
    openDatabase(file).close();
    fs.chmodSync(file, 0o644);
    for (const f of [`${file}-wal`, `${file}-shm`]) {
      fs.writeFileSync(f, '');
      fs.chmodSync(f, 0o644);
    }
    const reports: string[][] = [];
    const db = openDatabase(file, { onLoosened: (files) => reports.push([...files]) });
    expect([file, `${file}-wal`, `${file}-shm`].map(mode)).toEqual([0o600, 0o600, 0o600]);
    expect(reports).toEqual([[file, `${file}-wal`, `${file}-shm`]]);
    db.close();
  });

  it('creates -wal/-shm at 0600 when the main file was 0644 (SQLite copies its mode)', () => {
    const file = path.join(dir, 'warden.sqlite');
    fs.writeFileSync(file, '');
    fs.chmodSync(file, 0o644);
    const db = openDatabase(file);
    db.prepare('CREATE TABLE IF NOT EXISTS t (x INTEGER)').run();
    expect([file, `${file}-wal`, `${file}-shm`].map(mode)).toEqual([0o600, 0o600, 0o600]);
    db.close();
  });

  it('says nothing about files that were already private', () => {
    const file = path.join(dir, 'warden.sqlite');
    openDatabase(file).close();
    const reports: unknown[] = [];
    openDatabase(file, { onLoosened: (f) => reports.push(f) }).close();
    expect(reports).toEqual([]);
    expect(tightenMode(path.join(dir, 'missing'))).toBe(false);
  });
});

describe('the database is really there', () => {
  it('reports removal, replacement and return once each', async () => {
    const file = path.join(dir, 'warden.sqlite');
    const db = openDatabase(file);
    const events: DatabaseFileEvent['kind'][] = [];
    const watch = watchDatabaseFile(file, 3_600_000, (e) => events.push(e.kind));
    await watch.check();
    expect(events).toEqual([]);
    fs.renameSync(file, `${file}.moved`);
    await watch.check();
    await watch.check();
    expect(events).toEqual(['removed']);
    fs.writeFileSync(file, 'not the same file');
    await watch.check();
    expect(events).toEqual(['removed', 'replaced']);
    fs.renameSync(`${file}.moved`, file);
    await watch.check();
    expect(events).toEqual(['removed', 'replaced', 'back']);
    watch.stop();
    db.close();
  });
});
