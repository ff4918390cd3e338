import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAuditLog } from '../../src/db/audit-log';
import { DatabaseTooNewError, migrate, MIGRATIONS } from '../../src/db/migrations';
import { openDatabase } from '../../src/db/open-database';

describe('migrations', () => {
  it('bring an empty database to the latest user_version with an audit_log table', () => {
    const db = new BetterSqlite3(':memory:');
    expect(migrate(db)).toBe(MIGRATIONS.at(-1)!.version);
    const columns = (db.prepare('PRAGMA table_info(audit_log)').all() as Array<{ name: string; type: string }>).map((c) => `${c.name}:${c.type}`);
    expect(columns).toEqual(expect.arrayContaining(['id:INTEGER', 'created_at:TEXT', 'actor_id:INTEGER', 'action:TEXT', 'target_hash:TEXT', 'outcome:TEXT', 'detail:TEXT']));
  });

  it('are idempotent', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db);
    expect(migrate(db)).toBe(MIGRATIONS.at(-1)!.version);
  });

  it('roll back a failing step as a whole, keeping the previous version', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = [...MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); THIS IS NOT SQL;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
  });

  it('refuse a database newer than the program', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('user_version = 1000');
    expect(() => migrate(db)).toThrow(DatabaseTooNewError);
  });

  it('store hashes as exact decimal TEXT, never as numbers', () => {
    const db = openDatabase(':memory:');
    const audit = createAuditLog(db);
    const id = audit.begin({ actorId: 1, action: 'revoke', targetHash: -9223372036854775808n });
    audit.finish(id, 'ok');
    const row = db.prepare('SELECT target_hash, typeof(target_hash) t, outcome FROM audit_log').get();
    expect(row).toEqual({ target_hash: '-9223372036854775808', t: 'text', outcome: 'ok' });
    expect(() => db.prepare("INSERT INTO audit_log (created_at, action, target_hash, outcome) VALUES ('x', 'y', 1.5, 'ok')").run()).toThrow();
  });

  it('open files 0600 in WAL mode', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-'));
    const file = path.join(dir, 'sub', 'w.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    db.close();
    fs.rmSync(dir, { recursive: true });
  });
});

describe('audit log', () => {
  it('writes pending before and the outcome after, and lists unfinished actions', () => {
    const audit = createAuditLog(openDatabase(':memory:'), () => new Date('2026-01-02T03:04:05.000Z'));
    const a = audit.begin({ actorId: 5, action: 'revoke', targetHash: 12n });
    audit.begin({ actorId: 5, action: 'revoke_all' });
    expect(audit.pending().map((e) => e.action)).toEqual(['revoke', 'revoke_all']);
    audit.finish(a, 'HASH_INVALID');
    expect(audit.pending().map((e) => e.action)).toEqual(['revoke_all']);
    expect(audit.recent(1)[0]).toMatchObject({ createdAt: '2026-01-02T03:04:05.000Z', outcome: 'pending' });
  });
});
