import BetterSqlite3 from 'better-sqlite3';
import { alertsFor, outage, outageWithLogins } from '../helpers/outage';
import { sleep, startWorld, type World } from '../helpers/world';

/**
 * Long enough for every retry path (polling's 3 s sleep, the outbox's backoff) to reach its cap;
 * test/reliability/outbox-outage.reliability.ts runs the same scenario with the 60 s.
 */
const OUTAGE_MS = Number(process.env.OUTBOX_OUTAGE_MS ?? 12_000);

let w: World;
afterEach(async () => {
  await w?.stop();
});

const H1 = 2n ** 62n + 101n;
const H2 = -(2n ** 61n) - 202n;
const H3 = 9_007_199_254_740_993n; // not a safe JS integer

describe('e2e: the outbox delivers what the owner must be told', () => {
  it('four 500s on the alert, then success: delivered once', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    w.botApi.failNext('sendMessage', { kind: 'server', status: 500 }, 4);
    w.mt.pushNewAuthorization({ hash: H1, unconfirmed: true, device: 'Pixel 9', location: 'Oslo, Norway' });
    await w.botApi.waitForCall('sendMessage', (c) => c.ok && String(c.params.text).includes(H1.toString()), { timeoutMs: 40_000 });
    const tries = w.botApi.calls.filter((c) => c.method === 'sendMessage' && String(c.params.text).includes(H1.toString()));
    expect(tries.map((c) => c.status)).toEqual([500, 500, 500, 500, 200]);
    // Never more than 10 s between tries.
    tries.slice(1).forEach((t, i) => expect(t.at - tries[i]!.at).toBeLessThanOrEqual(10_500));
    await sleep(1000);
    expect(alertsFor(w, H1)).toHaveLength(1);
  }, 60_000);

  it(`Bot API down for ${OUTAGE_MS / 1000} s while 3 logins are pushed: all delivered and /help answered within 5 s of recovery`, async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    await w.ask('/help');
    const r = await outageWithLogins(w, OUTAGE_MS, [H1, H2, H3]);
    expect(r.helpAfterMs).toBeLessThanOrEqual(5000);
    r.alertsAfterMs.forEach((ms) => expect(ms).toBeLessThanOrEqual(5000));
    expect(r.deliveries).toEqual([1, 1, 1]);
  }, 90_000);

  it('a login whose session ends during the outage is still reported, marked as ended', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }], reconcileIntervalSeconds: 1 });
    await outage(w, 6000, async () => {
      w.mt.pushNewAuthorization({ hash: H2, unconfirmed: true, device: 'Short Lived', location: 'Quito, Ecuador' });
      await sleep(1500);
      w.mt.removeSession(H2);
      await sleep(2500); // a reconcile sees it gone
    });
    const alert = await w.botApi.waitForCall('sendMessage', (c) => c.ok && String(c.params.text).includes(H2.toString()), { timeoutMs: 20_000 });
    expect(String(alert.params.text)).toContain('Short Lived');
    expect(String(alert.params.text)).toMatch(/has since ended/);
    await sleep(1500);
    expect(alertsFor(w, H2)).toHaveLength(1);
  }, 60_000);

  it('a login claimed but never alerted (a crash before its row) whose session ended meanwhile is reported at start, as ended, once', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    await w.restart(() => {
      // What a kill -9 right after the claim leaves: the login known, no alert, no outbox row; the session since gone.
      const db = new BetterSqlite3(w.config.databasePath);
      db.prepare(`INSERT INTO known_session (hash, first_seen_at, seen_via, device_model) VALUES (?, ?, 'push', 'Vanished Phone')`).run(
        H1.toString(),
        new Date(Date.now() - 60_000).toISOString(),
      );
      db.close();
    });
    const alert = await w.botApi.waitForCall('sendMessage', (c) => c.ok && String(c.params.text).includes(H1.toString()), { timeoutMs: 15_000 });
    expect(String(alert.params.text)).toMatch(/has since ended/);
    expect(String(alert.params.text)).toContain('Vanished Phone');
    await w.restart();
    await w.ask('/help');
    expect(alertsFor(w, H1)).toHaveLength(1);
  }, 60_000);

  it('restart with undelivered rows: they are sent at start, once', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    await w.botApi.setReachable(false);
    w.mt.pushNewAuthorization({ hash: H3, unconfirmed: true, device: 'Gone Tablet', location: 'Riga, Latvia' });
    await sleep(1500);
    const queued = w.app.db.prepare('SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL').get() as { n: number };
    expect(queued.n).toBe(1);
    // The session ends while the app is down: the start-up reconcile no longer sees it.
    await w.restart(async () => {
      w.mt.removeSession(H3);
      await w.botApi.setReachable(true);
    });
    await w.botApi.waitForCall('sendMessage', (c) => c.ok && String(c.params.text).includes(H3.toString()), { timeoutMs: 15_000 });
    await w.restart();
    await w.ask('/help');
    expect(alertsFor(w, H3)).toHaveLength(1);
    const left = w.app.db.prepare('SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL').get() as { n: number };
    expect(left.n).toBe(0);
  }, 60_000);
});
