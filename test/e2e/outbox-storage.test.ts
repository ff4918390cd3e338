import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Api } from 'grammy';
import { createOutbox } from '../../src/bot/delivery/outbox';
import { openDatabase, type Database } from '../../src/db/open-database';
import { createOutboxStore } from '../../src/db/outbox';
import { BotApiEmulator } from '../../sandbox/emulator/botapi';
import { silentLogger } from '../../src/core/log';
import { OWNER, sleep } from '../helpers/world';

let dir: string;
let db: Database;
let other: BetterSqlite3.Database;
let botApi: BotApiEmulator;
let outbox: ReturnType<typeof createOutbox>;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-outbox-'));
  const file = path.join(dir, 'warden.sqlite');
  db = openDatabase(file);
  other = new BetterSqlite3(file);
  botApi = await BotApiEmulator.start();
  botApi.registerChat({ ...OWNER, type: 'private' });
  const api = new Api(botApi.token, { apiRoot: botApi.apiRoot });
  outbox = createOutbox({ api, ownerId: OWNER.id, store: createOutboxStore(db), log: silentLogger, alerted: () => undefined });
  api.config.use(outbox.reachability);
});

afterEach(async () => {
  outbox.stop();
  if (other.inTransaction) other.exec('ROLLBACK');
  other.close();
  db.close();
  await botApi.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rows = (): Array<{ text: string; delivered_at: string | null }> => db.prepare('SELECT text, delivered_at FROM outbox ORDER BY id').all() as never;

describe('e2e: storage never silences the owner', () => {
  it('a locked database: the message is still sent, the event loop is never blocked for long, and the row is written once it can be', async () => {
    other.exec('BEGIN IMMEDIATE; CREATE TABLE hold (x INTEGER);'); // another writer holds the lock
    // The longest the event loop went without running a 10 ms ticker.
    let last = Date.now();
    let longestGap = 0;
    const ticker = setInterval(() => {
      longestGap = Math.max(longestGap, Date.now() - last);
      last = Date.now();
    }, 10);
    await botApi.setReachable(false);
    expect(() => outbox.notify({ kind: 'test', text: 'sent from memory', key: 'k1' })).not.toThrow();
    await sleep(3000); // sends fail, writes fail: it lives in memory only
    expect(() => db.prepare('SELECT count(*) FROM outbox').get()).not.toThrow();
    clearInterval(ticker);
    // The default busy_timeout would block for 5 s on each try; the outbox waits ~50 ms at most.
    expect(longestGap).toBeLessThan(1000);
    other.exec('ROLLBACK');
    await sleep(2500); // the next rewrite finds the lock gone
    expect(rows()).toEqual([{ text: 'sent from memory', delivered_at: null }]);
    await botApi.setReachable(true);
    await botApi.waitForCall('sendMessage', (c) => c.ok && c.params.text === 'sent from memory', { timeoutMs: 15_000 });
    await sleep(200);
    expect(rows()[0]?.delivered_at).not.toBeNull();
    // The same key told again is not sent again.
    outbox.notify({ kind: 'test', text: 'sent from memory', key: 'k1' });
    await sleep(500);
    expect(botApi.calls.filter((c) => c.ok && c.method === 'sendMessage')).toHaveLength(1);
  }, 40_000);

  it('a database that cannot be written at all: the message is delivered anyway, once', async () => {
    other.exec('BEGIN IMMEDIATE; CREATE TABLE hold (x INTEGER);');
    outbox.notify({ kind: 'test', text: 'storage is down' });
    await botApi.waitForCall('sendMessage', (c) => c.ok && c.params.text === 'storage is down', { timeoutMs: 10_000 });
    other.exec('ROLLBACK');
    await sleep(2500);
    expect(outbox.pending()).toBe(0);
    expect(botApi.calls.filter((c) => c.ok && c.method === 'sendMessage')).toHaveLength(1);
  }, 20_000);
});
