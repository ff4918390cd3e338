import BetterSqlite3 from 'better-sqlite3';
import type { CallRecord } from '../../sandbox/emulator/botapi';
import { sleep, startWorld, type World } from '../helpers/world';

/**
 * A session that moves, changes hands or wakes up, with no new login: the copied-session-file case.
 * Checks are triggered directly (reconcileNow) or by Telegram's hint, with the timer far away.
 */
const DAY = 86_400;
const now = (): number => Math.floor(Date.now() / 1000);
const H = -(2n ** 62n) - 77n;
const PHONE = { hash: H, deviceModel: 'Pixel 8', platform: 'Android', systemVersion: 'SDK 34', apiId: 6, appName: 'Telegram Android', appVersion: '11.0.0', officialApp: true, ip: '203.0.113.7', country: 'Spain', region: 'Madrid' };

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

const changeAlerts = (from = 0): CallRecord[] =>
  w.botApi.calls.slice(from).filter((c) => c.method === 'sendMessage' && c.ok && /without a new login|woke up|без нового входа/.test(String(c.params.text)));

/** Runs one session check, then waits until the outbox has sent everything it found. */
async function check(): Promise<void> {
  await w.app.watcher.reconcileNow();
  await settled();
}

/** Until every change found is queued in the outbox and every outbox row is delivered (read from the database, so no message is added). */
async function settled(): Promise<void> {
  const open = (): number =>
    (w.app.db.prepare('SELECT (SELECT count(*) FROM session_change WHERE alerted_at IS NULL) + (SELECT count(*) FROM outbox WHERE delivered_at IS NULL) AS n').get() as { n: number }).n;
  for (let i = 0; i < 250 && open() > 0; i++) await sleep(20);
  await sleep(20);
}

describe('e2e: a session that changes without a new login', () => {
  it('moved: alerted within one check, once, with before and after and both buttons; /sessions flags it', async () => {
    w = await startWorld({ sessions: [PHONE], reconcileIntervalSeconds: 3600 });
    await check();
    expect(changeAlerts()).toHaveLength(0);
    w.mt.updateSession(H, { country: 'Nigeria', region: 'Lagos', ip: '198.51.100.9' });
    const mark = w.botApi.calls.length;
    await w.app.watcher.reconcileNow();
    const alert = await w.next(mark, 'sendMessage', (c) => /moved/.test(String(c.params.text)));
    const text = String(alert.params.text);
    expect(text.startsWith('🚨')).toBe(true);
    expect(text).toMatch(/moved/);
    expect(text).toMatch(/Place: Madrid, Spain \(203\.0\.113\.7\) → Lagos, Nigeria \(198\.51\.100\.9\)/);
    expect(text).toMatch(/copied session/);
    expect(text).toContain(`<code>${H}</code>`);
    expect(text).not.toMatch(/Guard mode/);
    const buttons = w.buttons();
    expect(buttons.map((b) => b.text)).toEqual(['End it', "It's me"]);
    expect(buttons[0]!.data).toBe(`ce:${H}`);
    await check();
    await check();
    expect(changeAlerts()).toHaveLength(1);
    expect(await w.ask('/sessions')).toMatch(/🚩 moved: Madrid, Spain → Lagos, Nigeria, /);
    expect(await w.ask('/security')).toMatch(/1 session moved to another country in the last 30 days:\n• Pixel 8: Madrid, Spain → Lagos, Nigeria/);
    const detail = await w.ask('/sessions 1');
    expect(detail).toMatch(/Pixel 8/);
    expect(detail).toMatch(/Places[\s\S]*Lagos, Nigeria \(198\.51\.100\.9\)[\s\S]*Madrid, Spain \(203\.0\.113\.7\)/);

    // "It's me" accepts the new country for this session: the flag goes, and the press acts once.
    const message = w.botApi.messages(5_123_456_789).find((m) => m.message_id === Number((alert.result as { message_id: number }).message_id))!;
    const p = w.press(buttons[1]!.data, message.message_id);
    const edit = await w.next(p.mark, 'editMessageText');
    expect(String(edit.params.text)).toMatch(/Marked as yours/);
    expect(w.buttons(w.botApi.messages(5_123_456_789).find((m) => m.message_id === message.message_id)!).map((b) => b.text)).toEqual(['End it']);
    expect(await w.ask('/sessions')).not.toMatch(/🚩 moved/);
    // /security no longer flags it, and does not claim that nothing moved: it lists the move as accepted.
    const checkup = await w.ask('/security');
    expect(checkup).not.toMatch(/No session moved/);
    expect(checkup).toMatch(/1 move you confirmed as yours in the last 30 days:\n• Pixel 8: Madrid, Spain → Lagos, Nigeria/);
    expect(w.auditRows('accept_change')).toHaveLength(1);

    // "End it" ends the session (audited); nothing is left to press.
    const end = w.press(`ce:${H}`, message.message_id);
    const ended = await w.next(end.mark, 'editMessageText');
    expect(String(ended.params.text)).toMatch(/✅ Ended: Pixel 8/);
    expect(ended.params.reply_markup).toBeUndefined();
    expect(w.mt.sessions().map((s) => s.hash)).not.toContain(H);
    expect(w.auditRows('revoke')).toEqual([expect.objectContaining({ target_hash: H.toString(), outcome: 'ok' })]);
  });

  it('changed hands: each change of device model, platform, api_id or app name alerts once', async () => {
    w = await startWorld({ sessions: [PHONE], reconcileIntervalSeconds: 3600 });
    const steps: Array<[Record<string, unknown>, RegExp]> = [
      [{ deviceModel: 'Desktop PC' }, /Device: Pixel 8 · Android SDK 34 → Desktop PC · Android SDK 34/],
      [{ platform: 'Windows' }, /Device: Desktop PC · Android SDK 34 → Desktop PC · Windows SDK 34/],
      [{ apiId: 2040 }, /App: Telegram Android 11\.0\.0 \(api_id 6\) → Telegram Android 11\.0\.0 \(api_id 2040\)/],
      [{ appName: 'Telegram Desktop' }, /App: Telegram Android 11\.0\.0 \(api_id 2040\) → Telegram Desktop 11\.0\.0 \(api_id 2040\)/],
    ];
    for (const [fields, before] of steps) {
      w.mt.updateSession(H, fields);
      const mark = w.botApi.calls.length;
      await check();
      const alerts = changeAlerts(mark);
      expect(alerts).toHaveLength(1);
      expect(String(alerts[0]!.params.text)).toMatch(/changed hands/);
      expect(String(alerts[0]!.params.text)).toMatch(before);
    }
    await check();
    expect(changeAlerts()).toHaveLength(4);
  });

  it('woke up: a session asleep for 40 days at the first start that becomes active is alerted once', async () => {
    w = await startWorld({ sessions: [{ ...PHONE, dateActive: now() - 40 * DAY }], reconcileIntervalSeconds: 3600 });
    await check();
    expect(changeAlerts()).toHaveLength(0);
    w.mt.updateSession(H, { dateActive: now() });
    await check();
    const alerts = changeAlerts();
    expect(alerts).toHaveLength(1);
    expect(String(alerts[0]!.params.text)).toMatch(/^🚨 <b>A session of your account woke up<\/b>/);
    expect(String(alerts[0]!.params.text)).toMatch(/Last active: .+ → /);
    await check();
    expect(changeAlerts()).toHaveLength(1);
  });

  it('no alert for an IP or region change inside the country, nor for app and system updates; all recorded', async () => {
    w = await startWorld({ sessions: [PHONE], reconcileIntervalSeconds: 3600 });
    w.mt.updateSession(H, { ip: '203.0.113.99', region: 'Barcelona' });
    await check();
    w.mt.updateSession(H, { appVersion: '11.1.0', systemVersion: 'SDK 35', dateActive: now() });
    await check();
    expect(changeAlerts()).toHaveLength(0);
    expect(await w.ask('/sessions 1')).toMatch(/Barcelona, Spain \(203\.0\.113\.99\)[\s\S]*Madrid, Spain \(203\.0\.113\.7\)/);
    expect(await w.ask('/sessions 9')).toMatch(/There is no session #9: the list has 2 sessions/);
    expect(await w.ask('/sessions me')).toMatch(/or \/sessions and a number from it/);
    const row = w.app.db.prepare('SELECT app_version, system_version, ip FROM session_trace WHERE hash = ?').get(H.toString()) as Record<string, string>;
    expect(row).toEqual({ app_version: '11.1.0', system_version: 'SDK 35', ip: '203.0.113.99' });
  });

  it('a change made while the app was down is alerted at the next start; a restart between checks neither re-alerts nor forgets', async () => {
    w = await startWorld({ sessions: [PHONE], reconcileIntervalSeconds: 3600 });
    await w.restart(() => void w.mt.updateSession(H, { country: 'Nigeria', region: 'Lagos' }));
    await settled();
    expect(changeAlerts()).toHaveLength(1);
    await w.restart();
    await check();
    expect(changeAlerts()).toHaveLength(1);
    // Not forgotten: back home is a known country, and a third one is a move again.
    w.mt.updateSession(H, { country: 'Spain', region: 'Madrid' });
    await check();
    expect(changeAlerts()).toHaveLength(1);
    await w.restart(() => void w.mt.updateSession(H, { country: 'Brazil', region: 'São Paulo' }));
    await settled();
    expect(changeAlerts()).toHaveLength(2);
  });

  it('a change a crashed run stored but never queued is alerted at the next start, once', async () => {
    w = await startWorld({ sessions: [PHONE], reconcileIntervalSeconds: 3600 });
    await w.restart(() => {
      const db = new BetterSqlite3(w.config.databasePath);
      const trace = { ip: '203.0.113.7', country: 'Spain', region: 'Madrid', deviceModel: 'Pixel 8', platform: 'Android', systemVersion: 'SDK 34', apiId: 6, appName: 'Telegram Android', appVersion: '11.0.0', dateActive: now() };
      db.prepare('INSERT INTO session_change (id, hash, kinds, before, after, found_at, official_app) VALUES (7, ?, ?, ?, ?, ?, 1)').run(
        H.toString(), '["changed_hands"]', JSON.stringify(trace), JSON.stringify({ ...trace, deviceModel: 'Crash PC' }), now(),
      );
      db.close();
    });
    await settled();
    expect(changeAlerts().map((c) => String(c.params.text))).toEqual([expect.stringMatching(/changed hands[\s\S]*Pixel 8 · Android SDK 34 → Crash PC/)]);
    await w.restart();
    await settled();
    expect(changeAlerts()).toHaveLength(1);
  });

  it('an updateServiceNotification about auth triggers a check at once; another type does not', async () => {
    w = await startWorld({ sessions: [PHONE], reconcileIntervalSeconds: 3600 });
    await w.ask('/help');
    w.mt.updateSession(H, { country: 'Nigeria', region: 'Lagos' });
    const lists = w.mt.callsOf('account.getAuthorizations').length;
    w.mt.pushServiceNotification({ type: 'promo_1', message: 'Something else' });
    await w.ask('/help');
    expect(w.mt.callsOf('account.getAuthorizations')).toHaveLength(lists);
    const mark = w.botApi.calls.length;
    const t0 = Date.now();
    w.mt.pushServiceNotification({ type: 'auth1234_5678', message: 'Your account was accessed from a new place' });
    await w.next(mark, 'sendMessage', (c) => /moved/.test(String(c.params.text)), 3000);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('guard mode leaves a moved trusted session alone and says why; an untrusted unofficial changed session is ended', async () => {
    const SLEEPER = 992n;
    const laptop = { hash: SLEEPER, deviceModel: 'Old Laptop', officialApp: false, apiId: 6, appName: 'Telegram Android', platform: 'Android', country: 'Spain' };
    w = await startWorld({ sessions: [PHONE, laptop], reconcileIntervalSeconds: 3600 });
    await w.ask('/guard on');
    const offer = w.last();
    const p = w.press(w.buttons(offer).find((b) => b.text.startsWith('Trust current'))!.data, offer.message_id);
    await w.next(p.mark, 'editMessageText');

    w.mt.updateSession(H, { country: 'Nigeria', region: 'Lagos' });
    let mark = w.botApi.calls.length;
    await check();
    const moved = String(changeAlerts(mark)[0]!.params.text);
    expect(moved).toMatch(/Guard mode is on and left this session alone, because its device is on your trusted list: a session that moves is most often your own phone abroad/);
    expect(w.mt.sessions().map((s) => s.hash)).toContain(H);
    expect(w.mt.callsOf('account.resetAuthorization')).toHaveLength(0);

    // The trusted laptop's session is now held by another machine in an unofficial app.
    mark = w.botApi.calls.length;
    w.mt.updateSession(SLEEPER, { deviceModel: 'Thief PC', apiId: 999, appName: 'Unofficial' });
    await check();
    const ended = String(changeAlerts(mark)[0]!.params.text);
    expect(ended).toMatch(/changed hands/);
    expect(ended).toMatch(/Guard mode ended it at once<\/b>: its device is not on your trusted list \(\/trust\) and its app is unofficial \(api_id 999\)/);
    expect(w.buttons(w.last())).toEqual([]);
    expect(w.mt.sessions().map((s) => s.hash)).not.toContain(SLEEPER);
    expect(w.auditRows('auto_end')).toEqual([expect.objectContaining({ target_hash: SLEEPER.toString(), outcome: 'ok' })]);
  });

  it('a Russian owner gets the alert, /sessions and /security in Russian', async () => {
    w = await startWorld({ sessions: [PHONE], reconcileIntervalSeconds: 3600 });
    expect(await w.ask('/language ru')).toMatch(/по-русски|русск/i);
    w.mt.updateSession(H, { country: 'Nigeria', region: 'Lagos' });
    await check();
    const text = String(changeAlerts()[0]!.params.text);
    expect(text).toMatch(/^🚨 <b>Сеанс вашего аккаунта переместился<\/b> в другую страну \(Spain → Nigeria\)/);
    expect(text).toMatch(/Место: Madrid, Spain \(203\.0\.113\.7\) → Lagos, Nigeria/);
    expect(w.buttons().map((b) => b.text)).toEqual(['Завершить', 'Это я']);
    expect(await w.ask('/sessions')).toMatch(/🚩 переместился: Madrid, Spain → Lagos, Nigeria, /);
    expect(await w.ask('/security')).toMatch(/За последние 30 дней в другую страну переместились сеансы \(1\):\n• Pixel 8: Madrid, Spain → Lagos, Nigeria/);
  });

  it('200 sessions moving at once give at most 5 grouped messages', async () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ ...PHONE, hash: -(2n ** 63n) + BigInt(i) * 7_919n + 1n, deviceModel: `Phone ${i}` }));
    w = await startWorld({ sessions: many, reconcileIntervalSeconds: 3600 });
    for (const s of many) w.mt.updateSession(s.hash, { country: 'Nigeria', region: 'Lagos' });
    const mark = w.botApi.calls.length;
    await check();
    const sent = changeAlerts(mark);
    expect(sent.length).toBeGreaterThan(0);
    const all = w.botApi.calls.slice(mark).filter((c) => c.method === 'sendMessage' && c.ok && /<code>-?\d+<\/code>/.test(String(c.params.text)));
    expect(all.length).toBeLessThanOrEqual(5);
    const seen = new Set(all.flatMap((c) => [...String(c.params.text).matchAll(/<code>(-?\d+)<\/code>/g)].map((m) => m[1])));
    expect(seen.size).toBe(200);
  });
});
