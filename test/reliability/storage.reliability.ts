import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { CallRecord } from '../../sandbox/emulator/botapi';
import { OWNER, sleep, STRANGER } from '../helpers/world';
import { ChildApps, logLines, startChildWorld, type ChildWorld } from './helpers/child-app';

/**
 * The built app, as pm2 runs it, with its database on a real 2 MB tmpfs that a test fills to ENOSPC.
 * The database was left at 0644 with 0644 -wal/-shm by an earlier run. (Where mounting is refused
 * this file cannot run: test/e2e/storage-faults.test.ts then covers the same paths read-only.)
 */
const apps = new ChildApps();
let world: ChildWorld | undefined;
let mnt: string | undefined;

beforeAll(async () => {
  world = await startChildWorld('storage', 7_500_600_700, [{ hash: 8080n, deviceModel: 'Old PC' }]);
  mnt = path.join(world.dir, 'small-disk');
  fs.mkdirSync(mnt);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=0700', 'tmpfs', mnt]);
}, 120_000);

afterAll(async () => {
  await apps.killAll();
  if (mnt) execFileSync('umount', ['-l', mnt]);
  await world?.stop(apps);
});

const toOwner = (re: RegExp) => (c: CallRecord) => c.method === 'sendMessage' && c.params.chat_id === OWNER.id && re.test(String(c.params.text));

describe('reliability: the built app with a full disk', () => {
  it('tightens the database files, keeps alerting and obeying, tells the owner once each way, and writes everything after', async () => {
    const { mt, botApi } = world!;
    const file = path.join(mnt!, 'warden.sqlite');
    // An earlier run's files, readable by everyone.
    const old = new BetterSqlite3(file);
    old.pragma('journal_mode = WAL');
    old.close();
    fs.chmodSync(file, 0o644);
    for (const f of [`${file}-wal`, `${file}-shm`]) {
      fs.writeFileSync(f, '');
      fs.chmodSync(f, 0o644);
    }

    const app = apps.start({
      BOT_TOKEN: botApi.token,
      API_ID: '12345',
      API_HASH: '0123456789abcdef0123456789abcdef',
      ACCOUNT_SESSION: mt.sessionString(),
      BOT_API_ROOT: botApi.apiRoot,
      DATABASE_PATH: file,
      LOG_LEVEL: 'info',
    });
    await app.waitForOutput('session-warden is running', 30_000);
    expect([file, `${file}-wal`, `${file}-shm`].map((f) => fs.statSync(f).mode & 0o777)).toEqual([0o600, 0o600, 0o600]);
    expect(logLines(app.output()).filter((l) => /readable by others/.test(String(l.msg)))).toHaveLength(1);

    // Fill the disk.
    const filler = path.join(mnt!, 'filler');
    const fd = fs.openSync(filler, 'w');
    try {
      for (;;) fs.writeSync(fd, Buffer.alloc(4096));
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      fs.closeSync(fd);
    }

    const mark = botApi.calls.length;
    const big = 2n ** 62n + 99n;
    mt.pushNewAuthorization({ hash: big, unconfirmed: true, device: 'Galaxy S24', location: 'Lisbon, Portugal' });
    await botApi.waitForCall('sendMessage', (c) => c.ok && String(c.params.text).startsWith('🚨'), { after: mark, timeoutMs: 5000 });
    for (const text of ['/start', '/revoke 8080']) botApi.injectMessage({ from: STRANGER, text });
    const m2 = botApi.calls.length;
    botApi.injectMessage({ from: OWNER, text: '/revoke 8080' });
    const reply = await botApi.waitForCall('sendMessage', (c) => c.ok && /^Ended: /.test(String(c.params.text)), { after: m2, timeoutMs: 15_000 });
    expect(reply.params.chat_id).toBe(OWNER.id);
    expect(mt.callsOf('account.resetAuthorization').map((c) => c.args.hash)).toEqual([8080n]);

    await botApi.waitForCall('sendMessage', toOwner(/audit log cannot be written.*disk holding the database is full/s), { after: mark, timeoutMs: 15_000 });
    fs.rmSync(filler);
    await botApi.waitForCall('sendMessage', toOwner(/audit log can be written again/), { after: mark, timeoutMs: 20_000 });
    await sleep(1500);
    expect(botApi.calls.filter(toOwner(/audit log cannot be written/))).toHaveLength(1);
    expect(botApi.calls.filter(toOwner(/audit log can be written again/))).toHaveLength(1);
    expect(botApi.calls.filter((c) => c.params.chat_id !== undefined && c.params.chat_id !== OWNER.id)).toEqual([]);
    expect(app.output()).not.toMatch(/Something went wrong/);

    expect(await app.stop()).toBe(0);
    const db = new BetterSqlite3(file, { readonly: true });
    const rows = db.prepare('SELECT action, target_hash, outcome, actor_id FROM audit_log ORDER BY id').all() as Array<Record<string, unknown>>;
    db.close();
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'alert_sent', target_hash: big.toString(), outcome: 'ok' }),
        expect.objectContaining({ action: 'revoke', target_hash: '8080', outcome: 'ok' }),
        expect.objectContaining({ action: 'denied', actor_id: STRANGER.id }),
      ]),
    );
  });
});
